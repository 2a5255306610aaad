package org.imagefactory.maven;

/**
 * One {@code <variant>} of the POM's {@code <variants>}: the same four names, values and meanings as the URL
 * arguments the filter takes, so {@code <scalex>400.5</scalex>} is {@code ?scalex=400.5}. Kept as text so that
 * the core parses it exactly as it parses a URL.
 */
public class Variant {

    /** Box width in pixels; a decimal is rounded half-up. Default: the source's width. */
    private String scalex;

    /** Box height in pixels; a decimal is rounded half-up. Default: the source's height. */
    private String scaley;

    /** {@code jpeg} (or {@code jpg}), {@code png}, {@code gif}, {@code bmp} or {@code webp}. Default: the source's format. */
    private String encoding;

    /** 1 to 100, for {@code jpeg} and {@code webp}. Default: 80. */
    private String quality;

    public Variant() {
    }

    public Variant(String scalex, String scaley, String encoding, String quality) {
        this.scalex = scalex;
        this.scaley = scaley;
        this.encoding = encoding;
        this.quality = quality;
    }

    public String getScalex() {
        return scalex;
    }

    public String getScaley() {
        return scaley;
    }

    public String getEncoding() {
        return encoding;
    }

    public String getQuality() {
        return quality;
    }
}
