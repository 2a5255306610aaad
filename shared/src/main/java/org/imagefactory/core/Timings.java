package org.imagefactory.core;

/** Where a rendition's time went, in nanoseconds. A decode shared by several variants is counted in each. */
public record Timings(long decodeNanos, long resizeNanos, long encodeNanos) {
}
