package org.imagefactory.filter;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one piece of work per key at a time: callers that arrive while it runs wait for, and share, its result
 * (or its failure) instead of doing the same work again. They wait in the same {@link WaitingRoom} as requests
 * queued for a generation slot, taking a place there and waiting no longer than its timeout: a slow generation
 * cannot hold more request threads than the queue allows, and the one past it is turned away at once.
 */
final class SingleFlight<K, V> {

    private final ConcurrentHashMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();
    private final WaitingRoom waiters;

    SingleFlight(WaitingRoom waiters) {
        this.waiters = waiters;
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

    /**
     * @throws AdmissionControl.Overloaded at once when the waiting room is full, or when the running work does not
     *                                     finish within its timeout
     */
    private V join(CompletableFuture<V> running) throws Exception {
        // A result that is already there is taken without a place in the queue.
        boolean seated = !running.isDone();
        if (seated) {
            waiters.enter();
        }
        try {
            return running.get(waiters.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AdmissionControl.Overloaded("the same variant, generated for another request, was not ready"
                    + " within " + waiters.timeout());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        } finally {
            if (seated) {
                waiters.leave();
            }
        }
    }
}
