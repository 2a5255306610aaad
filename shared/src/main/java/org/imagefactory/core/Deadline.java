package org.imagefactory.core;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The time by which a render must be done, or {@link #NONE}. The work checks it cooperatively and often (every
 * read an ImageIO decoder makes, every MCU row of our JPEG decoder, every PNG row, every output row of the
 * resampler, every write of an encoder), so a render past its deadline stops within moments and its thread is
 * free again: a crafted file cannot hold a worker for minutes. Invariant: once expired, a deadline stays expired.
 *
 * <p>The deadline of the render running on a thread is kept for that thread while {@link #during} runs, so the
 * ImageIO readers, which take no arguments of ours, are checked through the stream they read from.
 */
public final class Deadline {

    /** No deadline: the build plugin and the command line let a render take as long as it takes. */
    public static final Deadline NONE = new Deadline(Duration.ZERO, Long.MAX_VALUE);

    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private final Duration allowed;
    private final long endNanos;

    private Deadline(Duration allowed, long endNanos) {
        this.allowed = allowed;
        this.endNanos = endNanos;
    }

    /** A deadline {@code allowed} from now. */
    public static Deadline after(Duration allowed) {
        return new Deadline(allowed, System.nanoTime() + allowed.toNanos());
    }

    public boolean isExpired() {
        return this != NONE && System.nanoTime() - endNanos >= 0;
    }

    /** What the render was allowed, for messages. */
    public Duration allowed() {
        return allowed;
    }

    /**
     * Runs {@code work} with this as the current thread's deadline, then restores the one before.
     *
     * @throws ImageFactoryException with {@link ImageFactoryException.Failure#TOO_SLOW} once the deadline passes
     */
    <T> T during(Callable<T> work) throws Exception {
        Deadline outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.call();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /**
     * Stops the current thread's render when its deadline has passed; free of cost when there is none.
     *
     * @throws ImageFactoryException with {@link ImageFactoryException.Failure#TOO_SLOW}
     */
    public static void check() {
        Deadline deadline = CURRENT.get();
        if (deadline != null && deadline.isExpired()) {
            throw new ImageFactoryException(ImageFactoryException.Failure.TOO_SLOW,
                    "not generated within " + deadline.describe() + ", the time it was allowed");
        }
    }

    String describe() {
        long millis = allowed.toMillis();
        return millis < 10_000 ? millis + " ms" : (millis + 500) / 1000 + " s";
    }
}
