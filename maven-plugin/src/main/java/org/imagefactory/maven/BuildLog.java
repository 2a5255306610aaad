package org.imagefactory.maven;

import java.nio.file.Path;

import org.apache.maven.plugin.logging.Log;
import org.imagefactory.core.batch.BatchListener;
import org.imagefactory.core.batch.BatchProgress;
import org.imagefactory.core.batch.SourceFailure;

/** Shows a batch's events as Maven log lines. */
final class BuildLog implements BatchListener {

    static final String PREFIX = "[imagefactory] ";

    private final Log log;
    private final boolean failuresAreErrors;

    BuildLog(Log log, boolean failuresAreErrors) {
        this.log = log;
        this.failuresAreErrors = failuresAreErrors;
    }

    @Override
    public void planned(int sources, int toGenerate, int upToDate, int threads) {
        if (toGenerate == 0) {
            log.info(PREFIX + sources + " sources: nothing to generate, " + upToDate + " up to date");
        } else {
            log.info(PREFIX + sources + " sources: " + toGenerate + " variants to generate, " + upToDate
                    + " up to date, " + threads + (threads == 1 ? " thread" : " threads"));
        }
    }

    @Override
    public void progress(BatchProgress progress) {
        log.info(PREFIX + progress);
    }

    @Override
    public void generated(Path output, int width, int height, int bytes) {
        if (log.isDebugEnabled()) {
            log.debug(PREFIX + output + "  " + width + "x" + height + "  " + bytes + " B");
        }
    }

    @Override
    public void removed(Path output) {
        if (log.isDebugEnabled()) {
            log.debug(PREFIX + "removed " + output);
        }
    }

    @Override
    public void failed(SourceFailure failure) {
        if (failuresAreErrors) {
            log.error(PREFIX + failure);
        } else {
            log.warn(PREFIX + failure);
        }
    }
}
