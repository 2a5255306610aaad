package org.imagefactory.it;

import java.net.URI;

/** A running container serving one web app at the root context. */
interface SiteServer extends AutoCloseable {

    /** The site's root, such as {@code http://127.0.0.1:41234/}. */
    URI base();

    default URI resolve(String relative) {
        return base().resolve(relative);
    }

    @Override
    void close();
}
