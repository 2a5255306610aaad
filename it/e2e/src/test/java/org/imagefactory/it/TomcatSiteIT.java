package org.imagefactory.it;

import java.nio.file.Path;

/** The site's war in an embedded Tomcat 11. */
class TomcatSiteIT extends SiteContract {

    @Override
    SiteServer deploy(Path war, String signingKey, String name) {
        return EmbeddedTomcat.start(war, signingKey, E2eFiles.output("tomcat-" + name));
    }

    @Override
    String containerName() {
        return "tomcat";
    }
}
