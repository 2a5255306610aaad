package org.imagefactory.it;

import java.util.concurrent.TimeUnit;

/** Stopping the servers the tests start as processes. */
final class Processes {

    private Processes() {
    }

    /**
     * Asks the process to stop (SIGTERM, as Ctrl-C), waits up to {@code graceSeconds}, then kills it.
     *
     * @return whether it stopped by itself within the grace period
     */
    static boolean stop(Process process, int graceSeconds) {
        process.destroy();
        try {
            if (process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return false;
    }
}
