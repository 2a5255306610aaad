package org.imagefactory.filter;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one piece of work per key at a time: callers that arrive while it runs wait for, and share, its result
 * (or its failure) instead of doing the same work again. They wait no longer than a queued generation would, so
 * a stuck generation cannot hold an unbounded number of request threads.
 */
final class SingleFlight<K, V> {

    private final ConcurrentHashMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();
    private final Duration timeout;

    SingleFlight(Duration timeout) {
        this.timeout = timeout;
    }

    V run(K key, AdmissionControl.Work<V> work) throws Exception {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return join(running);
        }
        try {
            V value = work.run();
            mine.complete(value);
            return value;
        } catch (Exception | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** @throws AdmissionControl.Overloaded when the running work does not finish within the timeout */
    private V join(CompletableFuture<V> running) throws Exception {
        try {
            return running.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AdmissionControl.Overloaded("the same variant, generated for another request, was not ready"
                    + " within " + timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
