package org.imagefactory.filter;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the generations that run at once (each holds a decoded image) and the requests waiting for a turn;
 * past both, a caller is turned away at once rather than piling up threads and memory.
 */
final class AdmissionControl {

    private final Semaphore running;
    private final int queueSize;
    private final long timeoutNanos;
    private final AtomicInteger waiting = new AtomicInteger();

    AdmissionControl(int maxConcurrent, int queueSize, Duration timeout) {
        this.running = new Semaphore(maxConcurrent, true);
        this.queueSize = queueSize;
        this.timeoutNanos = timeout.toNanos();
    }

    /** A unit of work that needs a generation slot. */
    interface Work<T> {
        T run() throws Exception;
    }

    <T> T run(Work<T> work) throws Exception {
        // the timed form honours fairness: a free slot goes to the longest waiter, not to whoever asks first
        if (!running.tryAcquire(0, TimeUnit.NANOSECONDS)) {
            await();
        }
        try {
            return work.run();
        } finally {
            running.release();
        }
    }

    private void await() throws InterruptedException {
        if (waiting.incrementAndGet() > queueSize) {
            waiting.decrementAndGet();
            throw new Overloaded("the queue of " + queueSize + " waiting generations is full");
        }
        try {
            if (!running.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS)) {
                throw new Overloaded("no generation slot became free within " + Duration.ofNanos(timeoutNanos));
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Thrown when a request cannot get a generation slot: the server is busy, try again shortly. */
    static final class Overloaded extends RuntimeException {
        Overloaded(String message) {
            super(message, null, false, false);
        }
    }
}
