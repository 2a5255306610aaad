package org.imagefactory.filter;

import java.util.Locale;

/**
 * Where the file or bytes a picture reply carries came from. Invariant: the lower-case name is the
 * {@code Server-Timing} {@code cache;desc=} value clients and the tests read ({@code pregenerated}, {@code hit},
 * {@code generated}); an original file is served as it is, with no {@code Server-Timing}.
 */
enum ReplyOrigin {

    /** The source file itself: a request without variant arguments. */
    ORIGINAL,
    /** A file the build plugin wrote. */
    PREGENERATED,
    /** A variant found in the runtime cache. */
    HIT,
    /** A variant made for this request (or for one it waited for). */
    GENERATED;

    /** The {@code cache;desc=} value of {@code Server-Timing}. */
    String desc() {
        return name().toLowerCase(Locale.ROOT);
    }
}
