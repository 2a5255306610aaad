package org.imagefactory.core.batch;

import java.util.Locale;

/**
 * How far a batch is: variants finished (made or failed) out of those it set out to make.
 *
 * @param done         variants finished so far
 * @param total        variants to make in this run
 * @param elapsedNanos time since the batch started
 */
public record BatchProgress(int done, int total, long elapsedNanos) {

    public int percent() {
        return total == 0 ? 100 : (int) (100L * done / total);
    }

    public double variantsPerSecond() {
        return elapsedNanos <= 0 ? 0 : done / (elapsedNanos / 1e9);
    }

    /** {@code 120/400 variants (30%), 12.3 variants/s}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d/%d variants (%d%%), %.1f variants/s", done, total, percent(),
                variantsPerSecond());
    }
}
