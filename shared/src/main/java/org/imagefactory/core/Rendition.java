package org.imagefactory.core;

/**
 * One encoded variant, in memory, ready to be written to a cache or sent.
 *
 * @param spec    the variant it is
 * @param size    its pixel size, as displayed
 * @param data    the encoded bytes
 * @param timings where the time went
 */
public record Rendition(VariantSpec spec, VariantSpec.Size size, byte[] data, Timings timings) {
}
