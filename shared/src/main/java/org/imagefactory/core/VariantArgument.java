package org.imagefactory.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The arguments a variant is asked for with, declared once. The URL parser, the URL signer, the Maven
 * {@code <variant>} element and the command line's options are all made from this table, so they accept,
 * reject, print and sign exactly the same things. The declaration order is the canonical order: of
 * {@link VariantRequest#toQueryString()}, of the signed message and of the cache name's segments.
 *
 * <p>Adding an argument is a new constant here (its name, how its text is parsed and what the error says,
 * its canonical text, its cache-name segment), a component of {@link VariantRequest} and the code that implements
 * it; no adapter changes.
 */
public enum VariantArgument {

    SCALEX("scalex", "N", "width of the box the image is fitted into, in pixels", "the source's width") {
        @Override
        Object parse(String text) {
            return dimension(argument(), text);
        }

        @Override
        public Object valueIn(VariantRequest request) {
            return request.scalex();
        }

        @Override
        VariantRequest with(VariantRequest request, Object value) {
            return request.withScalex((Integer) value);
        }

        @Override
        public Optional<String> cacheSegment(VariantSpec spec) {
            return Optional.of("x-" + spec.width());
        }
    },

    SCALEY("scaley", "N", "height of that box, in pixels", "the source's height") {
        @Override
        Object parse(String text) {
            return dimension(argument(), text);
        }

        @Override
        public Object valueIn(VariantRequest request) {
            return request.scaley();
        }

        @Override
        VariantRequest with(VariantRequest request, Object value) {
            return request.withScaley((Integer) value);
        }

        @Override
        public Optional<String> cacheSegment(VariantSpec spec) {
            return Optional.of("y-" + spec.height());
        }
    },

    ENCODING("encoding", "E", "jpeg, png, gif, bmp or webp", "the source's own format") {
        @Override
        Object parse(String text) {
            return Encoding.parse(text);
        }

        @Override
        public Object valueIn(VariantRequest request) {
            return request.encoding();
        }

        @Override
        VariantRequest with(VariantRequest request, Object value) {
            return request.withEncoding((Encoding) value);
        }

        @Override
        public String format(Object value) {
            return ((Encoding) value).argument();
        }

        /** The encoding is the cache file's extension, not a segment. */
        @Override
        public Optional<String> cacheSegment(VariantSpec spec) {
            return Optional.empty();
        }
    },

    QUALITY("quality", "Q", "1-100, for jpeg and webp", String.valueOf(VariantSpec.STANDARD_QUALITY)) {
        @Override
        Object parse(String text) {
            String value = text.strip();
            if (!INTEGER.matcher(value).matches()) {
                throw ImageFactoryException.invalidArgument(argument(), text, QUALITY_EXPECTED);
            }
            int quality = Integer.parseInt(value);
            if (quality < 1 || quality > 100) {
                throw ImageFactoryException.invalidArgument(argument(), text, QUALITY_EXPECTED);
            }
            return quality;
        }

        @Override
        public Object valueIn(VariantRequest request) {
            return request.quality();
        }

        @Override
        VariantRequest with(VariantRequest request, Object value) {
            return request.withQuality((Integer) value);
        }

        /** The standard quality is implicit in a cache name, so names made before qualities existed still hit. */
        @Override
        public Optional<String> cacheSegment(VariantSpec spec) {
            return spec.explicitQuality() ? Optional.of("q-" + spec.quality()) : Optional.empty();
        }
    },

    FIT("fit", "F", "inside, cover, contain or fill: how the image meets a box of both dimensions", "inside") {
        @Override
        Object parse(String text) {
            return Fit.parse(text);
        }

        @Override
        public Object valueIn(VariantRequest request) {
            return request.fit();
        }

        @Override
        VariantRequest with(VariantRequest request, Object value) {
            return request.withFit((Fit) value);
        }

        @Override
        public String format(Object value) {
            return ((Fit) value).argument();
        }

        /** Only a fit other than the default has a segment, so every name made before fits existed still hits. */
        @Override
        public Optional<String> cacheSegment(VariantSpec spec) {
            return spec.fit() == Fit.INSIDE ? Optional.empty() : Optional.of("f-" + spec.fit().argument());
        }
    },

    GRAVITY("gravity", "G", "what fit=cover keeps: center, north, ..., southwest, entropy, attention or fp:X,Y",
            "center") {
        @Override
        Object parse(String text) {
            return Gravity.parse(text);
        }

        @Override
        public Object valueIn(VariantRequest request) {
            return request.gravity();
        }

        @Override
        VariantRequest with(VariantRequest request, Object value) {
            return request.withGravity((Gravity) value);
        }

        @Override
        public String format(Object value) {
            return ((Gravity) value).argument();
        }

        @Override
        public Optional<String> cacheSegment(VariantSpec spec) {
            return spec.gravity().equals(Gravity.CENTER) ? Optional.empty()
                    : Optional.of("g-" + spec.gravity().segment());
        }
    },

    DPR("dpr", "R", "device pixel ratio from 1 to 4, multiplies scalex and scaley", "1") {
        @Override
        Object parse(String text) {
            String value = text.strip();
            if (!RATIO.matcher(value).matches()) {
                throw ImageFactoryException.invalidArgument(argument(), text, DPR_EXPECTED);
            }
            double ratio = Double.parseDouble(value);
            if (ratio < 1 || ratio > MAX_DPR) {
                throw ImageFactoryException.invalidArgument(argument(), text, DPR_EXPECTED);
            }
            return ratio;
        }

        @Override
        public Object valueIn(VariantRequest request) {
            return request.dpr();
        }

        @Override
        VariantRequest with(VariantRequest request, Object value) {
            return request.withDpr((Double) value);
        }

        @Override
        public String format(Object value) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }

        /** The ratio is already multiplied into the box's segments. */
        @Override
        public Optional<String> cacheSegment(VariantSpec spec) {
            return Optional.empty();
        }
    };

    static final double MAX_DPR = 4;
    static final String DPR_EXPECTED = "a ratio from 1 to 4 with at most 2 decimals, such as 2 or 1.5";

    static final String QUALITY_EXPECTED = "a whole number from 1 to 100";
    static final String DIMENSION_EXPECTED = "a positive number of pixels";

    /** Plain decimal only: no sign, exponent, hex, NaN or Infinity, and short enough to never be a DoS. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,12})?");
    private static final Pattern INTEGER = Pattern.compile("[0-9]{1,3}");
    private static final Pattern RATIO = Pattern.compile("[0-9](\\.[0-9]{1,2})?");
    private static final List<VariantArgument> ALL = List.of(values());

    private final String argument;
    private final String placeholder;
    private final String description;
    private final String defaultValue;

    VariantArgument(String argument, String placeholder, String description, String defaultValue) {
        this.argument = argument;
        this.placeholder = placeholder;
        this.description = description;
        this.defaultValue = defaultValue;
    }

    /** The name in URLs, in a POM's {@code <variant>} and, after {@code --}, on the command line. */
    public String argument() {
        return argument;
    }

    /** What a value looks like in help text: {@code N}, {@code E}, {@code Q}. */
    public String placeholder() {
        return placeholder;
    }

    /** One line saying what the argument does, for help text. */
    public String description() {
        return description;
    }

    /** What a request without the argument gets, in words. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The argument with this name, exactly as written (names are lower case). */
    public static Optional<VariantArgument> named(String name) {
        return ALL.stream().filter(a -> a.argument.equals(name)).findFirst();
    }

    /** Every argument's name, in canonical order. */
    public static List<String> names() {
        return ALL.stream().map(VariantArgument::argument).toList();
    }

    /**
     * The request with this argument set from its text, the others kept.
     *
     * @throws ImageFactoryException naming the argument, the value and what was expected
     */
    public VariantRequest parseInto(VariantRequest request, String text) {
        return with(request, parse(text));
    }

    /** The argument's value in a request, {@code null} when not given. */
    public abstract Object valueIn(VariantRequest request);

    /** The canonical text of a value: what {@link #parseInto} reads back to the same value. */
    public String format(Object value) {
        return value.toString();
    }

    /** The argument's segment of a cache file name for a fitted variant, when it has one. */
    public abstract Optional<String> cacheSegment(VariantSpec spec);

    abstract Object parse(String text);

    abstract VariantRequest with(VariantRequest request, Object value);

    /** A box dimension: a positive decimal, rounded half-up; larger than any image is fine (it is clamped). */
    private static int dimension(String argument, String text) {
        String value = text.strip();
        if (!DECIMAL.matcher(value).matches()) {
            throw ImageFactoryException.invalidArgument(argument, text, DIMENSION_EXPECTED
                    + " such as 400 or 400.5 (digits only, at most 12 each side of the point)");
        }
        BigDecimal rounded = new BigDecimal(value).setScale(0, RoundingMode.HALF_UP);
        if (rounded.signum() <= 0) {
            throw ImageFactoryException.invalidArgument(argument, text, DIMENSION_EXPECTED + " (at least 0.5)");
        }
        return rounded.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? Integer.MAX_VALUE
                : rounded.intValueExact();
    }
}
