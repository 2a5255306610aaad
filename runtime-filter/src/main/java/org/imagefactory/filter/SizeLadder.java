package org.imagefactory.filter;

import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.VariantRequest;

/**
 * The box sizes an unsigned URL may use, on either axis, so the number of variants per source stays bounded
 * however clients pick their sizes.
 */
final class SizeLadder {

    /** Next.js's default device and image widths: what a site without a build-time manifest most likely needs. */
    static final List<Integer> DEFAULT_STEPS =
            List.of(16, 32, 64, 128, 256, 384, 640, 750, 828, 1080, 1200, 1920, 2048, 3840);

    private final NavigableSet<Integer> steps;

    SizeLadder(Collection<Integer> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a size ladder needs at least one step");
        }
        this.steps = new TreeSet<>(steps);
    }

    /** The ladder: the manifest's sizes (or the default steps when it names none), widened by {@code allowed}. */
    static SizeLadder of(Collection<Integer> manifestSizes, Collection<Integer> allowed) {
        TreeSet<Integer> steps = new TreeSet<>(manifestSizes.isEmpty() ? DEFAULT_STEPS : manifestSizes);
        steps.addAll(allowed);
        return new SizeLadder(steps);
    }

    NavigableSet<Integer> steps() {
        return steps;
    }

    /** The request as the policy lets it through: snapped, refused, or unchanged. */
    VariantRequest apply(SizePolicy policy, VariantRequest request) {
        return switch (policy) {
            case ANY -> request;
            case SNAP -> new VariantRequest(snap(request.scalex()), snap(request.scaley()), request.encoding(),
                    request.quality());
            case STRICT -> {
                check(VariantRequest.SCALEX, request.scalex());
                check(VariantRequest.SCALEY, request.scaley());
                yield request;
            }
        };
    }

    private Integer snap(Integer size) {
        if (size == null) {
            return null;
        }
        Integer up = steps.ceiling(size);
        return up == null ? steps.last() : up;
    }

    private void check(String argument, Integer size) {
        if (size != null && !steps.contains(size)) {
            throw new ImageFactoryException(ImageFactoryException.Failure.INVALID_ARGUMENT,
                    "invalid " + argument + "=" + size + ": this server only makes the sizes " + steps
                            + " (sizePolicy=strict); use one of them or a signed URL");
        }
    }
}
