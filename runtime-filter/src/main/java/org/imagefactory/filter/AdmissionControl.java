package org.imagefactory.filter;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounds the generations that run at once, by count and by the memory they are estimated to hold together, and
 * the requests waiting for a turn (in a {@link WaitingRoom}); past both, a caller is turned away at once rather
 * than piling up threads and memory. Turns are taken strictly in arrival order, so a large generation waiting for
 * memory is not overtaken forever by small ones. A generation estimated at more than the whole budget runs when
 * nothing else does, rather than never. Invariant: {@code running <= maxConcurrent}, and {@code reserved <=
 * memoryBudget} unless a single generation runs.
 */
final class AdmissionControl {

    private final int maxConcurrent;
    private final long memoryBudget;
    private final WaitingRoom queue;
    private final LongAdder queued;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition turnsChanged = lock.newCondition();
    private final ArrayDeque<Object> line = new ArrayDeque<>();
    private int running;
    private long reserved;

    /** @param queued counts the generations that had to wait for a slot or for memory */
    AdmissionControl(int maxConcurrent, long memoryBudget, WaitingRoom queue, LongAdder queued) {
        this.maxConcurrent = maxConcurrent;
        this.memoryBudget = memoryBudget;
        this.queue = queue;
        this.queued = queued;
    }

    /** A unit of work that needs a generation slot. */
    interface Work<T> {
        T run() throws Exception;
    }

    /** Runs {@code work} once a slot is free and {@code bytes} fit the memory budget beside what runs. */
    <T> T run(long bytes, Work<T> work) throws Exception {
        admit(bytes);
        try {
            return work.run();
        } finally {
            lock.lock();
            try {
                running--;
                reserved -= bytes;
                turnsChanged.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void admit(long bytes) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (line.isEmpty() && fits(bytes)) {
                take(bytes);
                return;
            }
            queue.enter();
            queued.increment();
            Object turn = new Object();
            line.addLast(turn);
            try {
                long remaining = queue.timeout().toNanos();
                while (line.peekFirst() != turn || !fits(bytes)) {
                    if (remaining <= 0) {
                        throw new Overloaded(running < maxConcurrent && line.peekFirst() == turn
                                ? "not enough of the generation memory budget (" + megabytes(memoryBudget)
                                        + ") became free within " + queue.timeout() + " for a generation estimated"
                                        + " at " + megabytes(bytes)
                                : "no generation slot became free within " + queue.timeout());
                    }
                    remaining = turnsChanged.awaitNanos(remaining);
                }
                take(bytes);
            } finally {
                line.remove(turn);
                queue.leave();
                // The next in line may fit now.
                turnsChanged.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean fits(long bytes) {
        return running < maxConcurrent && (running == 0 || reserved + bytes <= memoryBudget);
    }

    private void take(long bytes) {
        running++;
        reserved += bytes;
    }

    private static String megabytes(long bytes) {
        return (bytes + (1 << 20) - 1 >> 20) + " MiB";
    }

    /** Thrown when a request cannot get a generation slot: the server is busy, try again shortly. */
    static final class Overloaded extends RuntimeException {
        Overloaded(String message) {
            super(message, null, false, false);
        }
    }
}
