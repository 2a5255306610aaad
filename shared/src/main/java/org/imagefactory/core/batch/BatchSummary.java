package org.imagefactory.core.batch;

import java.util.List;
import java.util.Locale;

/**
 * What a batch did, counted in variants (one configured variant of one source).
 *
 * @param sources   sources selected
 * @param generated variants made in this run
 * @param upToDate  variants whose output was already current
 * @param removed   outputs deleted because their source or their variant is gone
 * @param failures  sources that could not be processed
 * @param failed    variants not made because their source failed
 * @param bytesIn   size of the sources that were decoded
 * @param bytesOut  size of the outputs written
 * @param nanos     wall time of the run
 */
public record BatchSummary(int sources, int generated, int upToDate, int removed, List<SourceFailure> failures,
                           int failed, long bytesIn, long bytesOut, long nanos) {

    public BatchSummary {
        failures = List.copyOf(failures);
    }

    /** {@code 60 generated, 0 up to date, 0 removed, 0 failed; 60.2 MB in -> 2.3 MB out; 6.1 s}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d generated, %d up to date, %d removed, %d failed; %s in -> %s out; %.1f s",
                generated, upToDate, removed, failed, bytes(bytesIn), bytes(bytesOut), nanos / 1e9);
    }

    static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        if (count < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f kB", count / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", count / (1024.0 * 1024));
    }
}
