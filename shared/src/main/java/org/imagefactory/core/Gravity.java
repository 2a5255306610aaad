package org.imagefactory.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which part of an image {@link Fit#COVER} keeps when it crops: a side or corner of the displayed (upright)
 * picture, its centre, the part with the most detail ({@link Kind#ENTROPY}), the part a viewer looks at first
 * ({@link Kind#ATTENTION}: skin tones, saturated colour and edges, as libvips' {@code smartcrop} scores them), or a
 * focal point given as fractions of the width and height, {@code fp:0.3,0.7}.
 *
 * @param kind how the crop is placed
 * @param x    for a side, corner or focal point: the fraction of the width the crop is anchored at, 0 to 1
 * @param y    likewise for the height
 */
public record Gravity(Kind kind, double x, double y) {

    public static final Gravity CENTER = new Gravity(Kind.CENTER, 0.5, 0.5);
    public static final Gravity ATTENTION = new Gravity(Kind.ATTENTION, 0.5, 0.5);

    static final String EXPECTED = "center, north, south, east, west, northeast, northwest, southeast, southwest,"
            + " entropy, attention, or a focal point fp:X,Y with X and Y from 0 to 1 (at most 3 decimals), such as"
            + " fp:0.3,0.7";

    /** Up to three decimals: a thousandth of the picture is finer than any crop needs, and bounds the names. */
    private static final Pattern FOCAL_POINT = Pattern.compile("fp:([01](?:\\.[0-9]{1,3})?),([01](?:\\.[0-9]{1,3})?)");

    /** How a crop is placed. */
    public enum Kind {
        CENTER("center", 0.5, 0.5), NORTH("north", 0.5, 0), SOUTH("south", 0.5, 1), EAST("east", 1, 0.5),
        WEST("west", 0, 0.5), NORTHEAST("northeast", 1, 0), NORTHWEST("northwest", 0, 0), SOUTHEAST("southeast", 1, 1),
        SOUTHWEST("southwest", 0, 1), ENTROPY("entropy", 0.5, 0.5), ATTENTION("attention", 0.5, 0.5),
        FOCAL_POINT("fp", 0.5, 0.5);

        private final String argument;
        private final double x;
        private final double y;

        Kind(String argument, double x, double y) {
            this.argument = argument;
            this.x = x;
            this.y = y;
        }

        /** Whether the crop is placed by looking at the pixels. */
        public boolean smart() {
            return this == ENTROPY || this == ATTENTION;
        }
    }

    /**
     * @throws ImageFactoryException for a focal point outside the picture
     * @throws IllegalArgumentException for a side, corner or smart kind anchored elsewhere than its own anchor,
     *                                  which its cache name could not tell from the real one
     */
    public Gravity {
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
            throw ImageFactoryException.invalidArgument("gravity", "fp:" + x + "," + y, EXPECTED);
        }
        if (kind == Kind.FOCAL_POINT) {
            // Names and URLs carry three decimals; a finer point would be written as another.
            x = thousandths(x);
            y = thousandths(y);
        } else if (x != kind.x || y != kind.y) {
            throw new IllegalArgumentException(kind.argument + " is anchored at " + kind.x + "," + kind.y
                    + ", not " + x + "," + y + "; use a focal point");
        }
    }

    private static double thousandths(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    /** A focal point: the crop is centred on it as far as the picture allows. */
    public static Gravity focalPoint(double x, double y) {
        return new Gravity(Kind.FOCAL_POINT, x, y);
    }

    /** @throws ImageFactoryException naming the value and every accepted one */
    public static Gravity parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher focal = FOCAL_POINT.matcher(value);
        if (focal.matches()) {
            double x = Double.parseDouble(focal.group(1));
            double y = Double.parseDouble(focal.group(2));
            if (x > 1 || y > 1) {
                throw ImageFactoryException.invalidArgument("gravity", text, EXPECTED);
            }
            return focalPoint(x, y);
        }
        for (Kind kind : Kind.values()) {
            if (kind != Kind.FOCAL_POINT && kind.argument.equals(value)) {
                return new Gravity(kind, kind.x, kind.y);
            }
        }
        throw ImageFactoryException.invalidArgument("gravity", text, EXPECTED);
    }

    /** The canonical text: what {@link #parse} reads back to an equal gravity, such as {@code fp:0.3,0.7}. */
    public String argument() {
        return kind == Kind.FOCAL_POINT ? "fp:" + plain(x) + "," + plain(y) : kind.argument;
    }

    /** The cache-name segment's value: the argument with no character a file name could trip on. */
    String segment() {
        return kind == Kind.FOCAL_POINT ? "fp-" + plain(x) + "-" + plain(y) : kind.argument;
    }

    /** The same gravity with a focal point rounded to a multiple of {@code step}, for bounding unsigned URLs. */
    public Gravity snapped(double step) {
        if (kind != Kind.FOCAL_POINT) {
            return this;
        }
        return focalPoint(snap(x, step), snap(y, step));
    }

    private static double snap(double value, double step) {
        return thousandths(Math.round(value / step) * step);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return argument();
    }
}
