package org.imagefactory.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How an image is fitted to a box of both a width and a height; with only one of them given, every fit is
 * {@link #INSIDE}. No fit ever makes an image larger than its source.
 */
public enum Fit {
    /** The largest size inside the box with the aspect ratio kept: the original route's behaviour, the default. */
    INSIDE("inside"),
    /** Exactly the box: scaled to cover it, the overflow cropped where {@link Gravity} says. */
    COVER("cover"),
    /** Exactly the box: scaled to fit inside it, centred, the rest filled with the background colour. */
    CONTAIN("contain"),
    /** Exactly the box: stretched on each axis, the aspect ratio not kept. */
    FILL("fill");

    private final String argument;

    Fit(String argument) {
        this.argument = argument;
    }

    /** The name in URLs and cache names. */
    public String argument() {
        return argument;
    }

    /** Whether the output is the whole box rather than the largest size inside it. */
    public boolean fillsBox() {
        return this != INSIDE;
    }

    @Override
    public String toString() {
        return argument;
    }

    /** @throws ImageFactoryException for a name that is no fit */
    public static Fit parse(String text) {
        String name = text.strip().toLowerCase(Locale.ROOT);
        for (Fit fit : values()) {
            if (fit.argument.equals(name)) {
                return fit;
            }
        }
        throw ImageFactoryException.invalidArgument("fit", text, "one of "
                + Arrays.stream(values()).map(Fit::argument).collect(Collectors.joining(", ")));
    }
}
