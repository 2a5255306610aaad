package org.imagefactory.core.batch;

import java.nio.file.Path;

/**
 * What a batch reports while it runs; an adapter decides how to show it (Maven log lines, console output). Calls
 * come from worker threads but never at the same time.
 */
public interface BatchListener {

    /** The work is known: {@code toGenerate} variants to make, {@code upToDate} already current. */
    default void planned(int sources, int toGenerate, int upToDate, int threads) {
    }

    /** At most once per progress interval while variants are being made. */
    default void progress(BatchProgress progress) {
    }

    default void generated(Path output, int width, int height, int bytes) {
    }

    default void removed(Path output) {
    }

    default void failed(SourceFailure failure) {
    }
}
