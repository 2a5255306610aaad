package org.imagefactory.filter;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

import org.imagefactory.core.Fit;
import org.imagefactory.core.Gravity;
import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.VariantArgument;
import org.imagefactory.core.VariantRequest;

/**
 * The box sizes (on either axis), qualities, fits and gravities an unsigned URL may use, so the number of variants
 * per source stays bounded however clients pick their arguments: sizes × sizes × encodings × qualities × fits ×
 * gravities. Fits and the named gravities are few; a focal point is snapped to tenths (121 of them), or under
 * {@code strict} must be one the configuration names.
 */
final class VariantLadder {

    /** Next.js's default device and image widths: what a site without a build-time manifest most likely needs. */
    static final List<Integer> DEFAULT_STEPS =
            List.of(16, 32, 64, 128, 256, 384, 640, 750, 828, 1080, 1200, 1920, 2048, 3840);

    /** How finely {@code snap} keeps a focal point: a tenth of the picture, 11 × 11 points. */
    static final double FOCAL_POINT_STEP = 0.1;

    private final Steps sizes;
    private final Steps qualities;
    private final Set<Fit> fits;
    private final Set<Gravity> gravities;

    VariantLadder(Collection<Integer> sizes, Collection<Integer> qualities, Set<Fit> fits, Set<Gravity> gravities) {
        this.sizes = new Steps(sizes, "sizes");
        this.qualities = new Steps(qualities, "qualities");
        this.fits = Set.copyOf(fits);
        this.gravities = Set.copyOf(gravities);
    }

    /**
     * The ladder: the manifest's sizes (or the default steps when it names none) widened by {@code allowedSizes};
     * the default quality, the manifest's qualities and {@code allowedQualities}.
     */
    static VariantLadder of(Collection<Integer> manifestSizes, Collection<Integer> allowedSizes,
            int defaultQuality, Collection<Integer> manifestQualities, Collection<Integer> allowedQualities) {
        TreeSet<Integer> sizes = new TreeSet<>(manifestSizes.isEmpty() ? DEFAULT_STEPS : manifestSizes);
        sizes.addAll(allowedSizes);
        TreeSet<Integer> qualities = new TreeSet<>(manifestQualities);
        qualities.add(defaultQuality);
        qualities.addAll(allowedQualities);
        return new VariantLadder(sizes, qualities, Set.of(Fit.INSIDE), Set.of(Gravity.CENTER));
    }

    /**
     * This ladder letting {@code strict} through the default fit and gravity and the given ones: the manifest's and
     * {@code allowedFits} / {@code allowedGravities}.
     */
    VariantLadder withCrops(Collection<Fit> moreFits, Collection<Gravity> moreGravities) {
        Set<Fit> allFits = new TreeSet<>(fits);
        allFits.addAll(moreFits);
        Set<Gravity> allGravities = new LinkedHashSet<>(gravities);
        allGravities.addAll(moreGravities);
        return new VariantLadder(sizes.values, qualities.values, allFits, allGravities);
    }

    NavigableSet<Integer> sizes() {
        return sizes.values;
    }

    NavigableSet<Integer> qualities() {
        return qualities.values;
    }

    /** The request as the policy lets it through: snapped, refused, or unchanged. */
    VariantRequest apply(SizePolicy policy, VariantRequest request) {
        return switch (policy) {
            case ANY -> request;
            case SNAP -> request.withScalex(sizes.snap(request.scalex())).withScaley(sizes.snap(request.scaley()))
                    .withQuality(qualities.snap(request.quality()))
                    .withGravity(request.gravity() == null ? null : request.gravity().snapped(FOCAL_POINT_STEP));
            case STRICT -> {
                // Only what changes the picture is checked: a fit needs both dimensions, a gravity fit=cover.
                boolean box = request.scalex() != null && request.scaley() != null;
                check(VariantArgument.FIT.argument(), box ? request.fit() : null, fits);
                check(VariantArgument.GRAVITY.argument(), box && request.fit() == Fit.COVER ? request.gravity()
                        : null, gravities);
                sizes.check(VariantArgument.SCALEX.argument(), request.scalex());
                sizes.check(VariantArgument.SCALEY.argument(), request.scaley());
                // A quality changes nothing in a lossless encoding (and names no other file), so it is let be.
                if (request.encoding() == null || request.encoding().lossy()) {
                    qualities.check(VariantArgument.QUALITY.argument(), request.quality());
                }
                yield request;
            }
        };
    }

    private static <T> void check(String argument, T value, Set<T> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new ImageFactoryException(ImageFactoryException.Failure.INVALID_ARGUMENT,
                    "invalid " + argument + "=" + value + ": this server only makes " + argument + " " + allowed
                            + " (sizePolicy=strict); use one of them or a signed URL");
        }
    }

    /** One axis of the ladder: a value is rounded up to the next step, or past the top step to the top step. */
    private static final class Steps {
        private final NavigableSet<Integer> values;
        private final String what;

        Steps(Collection<Integer> values, String what) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a ladder needs at least one of " + what);
            }
            this.values = new TreeSet<>(values);
            this.what = what;
        }

        Integer snap(Integer value) {
            if (value == null) {
                return null;
            }
            Integer up = values.ceiling(value);
            return up == null ? values.last() : up;
        }

        void check(String argument, Integer value) {
            if (value != null && !values.contains(value)) {
                throw new ImageFactoryException(ImageFactoryException.Failure.INVALID_ARGUMENT,
                        "invalid " + argument + "=" + value + ": this server only makes the " + what + " " + values
                                + " (sizePolicy=strict); use one of them or a signed URL");
            }
        }
    }
}
