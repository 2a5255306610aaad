package org.imagefactory.filter;

import java.util.Locale;

import org.imagefactory.core.Encoding;
import org.imagefactory.core.Timings;

/**
 * A variant found or made for a request, with what its response says about it. Invariant: {@code timings} are
 * there exactly when the variant was {@linkplain ReplyOrigin#GENERATED generated} for it, and the
 * {@code Server-Timing} header is derived from the origin and those timings alone.
 *
 * @param payload  the bytes to send; an {@link OpenFile} the caller releases, when it is a file
 * @param encoding the variant's format, for {@code Content-Type}
 * @param origin   where it came from
 * @param timings  how long decoding, resizing and encoding took, or {@code null} when it was not generated
 */
record VariantReply(Payload payload, Encoding encoding, ReplyOrigin origin, Timings timings) {

    /** The {@code Server-Timing} header value. */
    String serverTiming() {
        if (timings == null) {
            return "cache;desc=" + origin.desc();
        }
        return String.format(Locale.ROOT, "decode;dur=%.1f, resize;dur=%.1f, encode;dur=%.1f, cache;desc=%s",
                timings.decodeNanos() / 1e6, timings.resizeNanos() / 1e6, timings.encodeNanos() / 1e6,
                origin.desc());
    }
}
