package org.imagefactory.core.store;

import java.io.IOException;
import java.nio.file.attribute.FileTime;

/**
 * The one rule every store applies to say whether a stored variant may be served for a source as it is now.
 *
 * <ol>
 *   <li>A variant that records the {@linkplain Source#version() version} of the source it was made from is fresh
 *       exactly while the source's bytes are that version, whatever the files' dates say: a source replaced by an
 *       older-dated file ({@code cp -p}, {@code rsync -t}, a reproducible build's fixed date) is still seen, and
 *       servers holding their own copies of the sources, each with its own dates, agree.</li>
 *   <li>A variant built and shipped together with its sources (a war holding both, whose container stamps every
 *       file with its unpack time, in any order) is fresh: {@link #SHIPPED_WITH_SOURCES}.</li>
 *   <li>A variant that records nothing (a file system without user attributes, a file written by another tool) is
 *       fresh when it is not older than the source: DESIGN.md's date rule.</li>
 * </ol>
 */
public final class Freshness {

    /** The record of a variant that was built in the same build, and is shipped in the same archive, as its source. */
    public static final String SHIPPED_WITH_SOURCES = "shipped-with-sources";

    private Freshness() {
    }

    /**
     * @param recorded the source version the variant records, {@link #SHIPPED_WITH_SOURCES}, or {@code null}
     * @param made     when the variant was written
     * @param source   the source as it is now; a source that cannot be read for its version has changed
     */
    public static boolean isFresh(String recorded, FileTime made, Source source) {
        if (recorded == null) {
            return made.compareTo(source.modified()) >= 0;
        }
        if (recorded.equals(SHIPPED_WITH_SOURCES)) {
            return true;
        }
        try {
            return recorded.equals(source.version());
        } catch (IOException e) {
            return false;
        }
    }
}
