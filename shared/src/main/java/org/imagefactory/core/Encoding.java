package org.imagefactory.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** An output encoding: what the {@code encoding} argument names and what a cache file's extension says. */
public enum Encoding {
    JPEG("jpeg", "image/jpeg", true, false, 65_500),
    PNG("png", "image/png", false, true, Integer.MAX_VALUE),
    GIF("gif", "image/gif", false, true, 65_535),
    BMP("bmp", "image/bmp", false, false, Integer.MAX_VALUE),
    WEBP("webp", "image/webp", true, true, 16_383);

    private final String argument;
    private final String mimeType;
    private final boolean lossy;
    private final boolean alpha;
    private final int maxDimension;

    Encoding(String argument, String mimeType, boolean lossy, boolean alpha, int maxDimension) {
        this.argument = argument;
        this.mimeType = mimeType;
        this.lossy = lossy;
        this.alpha = alpha;
        this.maxDimension = maxDimension;
    }

    /** The largest width or height the format can hold (libwebp: 16383, libjpeg: 65500, GIF: 65535). */
    public int maxDimension() {
        return maxDimension;
    }

    /** The canonical name used in URLs and as the cache file extension. */
    public String argument() {
        return argument;
    }

    public String mimeType() {
        return mimeType;
    }

    /** Whether {@code quality} changes the output. */
    public boolean lossy() {
        return lossy;
    }

    /** Whether transparency survives; otherwise it is flattened onto the background. */
    public boolean supportsAlpha() {
        return alpha;
    }

    /** Whether {@code text} is exactly one encoding's canonical name, as a cache file's extension is. */
    static boolean isEncodingName(String text) {
        for (Encoding encoding : values()) {
            if (encoding.argument.equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** The file extensions of the formats we read, lower case: jpg and every encoding's name. */
    public static final List<String> READ_EXTENSIONS = Stream.concat(Stream.of("jpg"),
            Arrays.stream(values()).map(Encoding::argument)).toList();

    /** Whether a file name ends in an extension of a format we read: jpg, jpeg, png, gif, bmp, webp, any case. */
    public static boolean isImageFileName(String fileName) {
        return READ_EXTENSIONS.contains(CacheNaming.extension(fileName));
    }

    /** Parses the {@code encoding} argument: a canonical name or {@code jpg}, in any letter case. */
    public static Encoding parse(String value) {
        String name = value.toLowerCase(Locale.ROOT);
        if (name.equals("jpg")) {
            return JPEG;
        }
        for (Encoding encoding : values()) {
            if (encoding.argument.equals(name)) {
                return encoding;
            }
        }
        throw ImageFactoryException.invalidArgument("encoding", value, "one of jpeg, jpg, png, gif, bmp, webp");
    }
}
