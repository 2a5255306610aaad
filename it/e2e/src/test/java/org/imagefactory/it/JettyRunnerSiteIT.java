package org.imagefactory.it;

import java.nio.file.Path;

/** The site in Jetty 12, started through the runner jar exactly as the README's command does. */
class JettyRunnerSiteIT extends SiteContract {

    @Override
    SiteServer deploy(Path war, String signingKey, String name) {
        Path folder = E2eFiles.output("jetty-" + name);
        // The built war is the one inside the runner jar: serve that copy, as a user's "java -jar" does.
        Path served = war.equals(E2eFiles.war()) ? null : war;
        return RunnerProcess.start(served, signingKey, folder.resolve("runner.log"));
    }

    @Override
    String containerName() {
        return "jetty";
    }
}
