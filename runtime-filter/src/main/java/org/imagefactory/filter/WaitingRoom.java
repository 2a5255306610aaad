package org.imagefactory.filter;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests allowed to wait for generation work, at most {@code capacity} at once, each at most
 * {@code timeout}: those waiting for a generation slot and those waiting for a variant another request is
 * generating alike, since each holds a container thread. A request that finds the room full is turned away at
 * once, so the container keeps threads for cache hits whatever a flood of requests for new variants does.
 */
final class WaitingRoom {

    private final int capacity;
    private final Duration timeout;
    private final AtomicInteger waiting = new AtomicInteger();

    WaitingRoom(int capacity, Duration timeout) {
        this.capacity = capacity;
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * Takes a place; {@link #leave} gives it back.
     *
     * @throws AdmissionControl.Overloaded at once when every place is taken
     */
    void enter() {
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            throw new AdmissionControl.Overloaded("the queue of " + capacity + " requests waiting for generations"
                    + " is full");
        }
    }

    void leave() {
        waiting.decrementAndGet();
    }
}
