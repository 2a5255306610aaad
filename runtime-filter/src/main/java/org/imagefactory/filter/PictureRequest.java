package org.imagefactory.filter;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.SourcePath;
import org.imagefactory.core.VariantRequest;

/**
 * A picture request read into what the core is asked for. Invariant: a {@code PictureRequest} exists only for a
 * path {@link RequestPath} accepts and arguments {@link VariantRequest} parses, whose {@code sig}, when there is one
 * and a key is configured, matches; its variant is the one the size policy allows, or the signed one as asked.
 * The checks run in this order, so a URL wrong in several ways always gets the same answer.
 *
 * @param path        the source's path in the source root
 * @param variant     the variant to serve: the original file when {@link VariantRequest#isOriginal()}
 * @param negotiation what {@code encoding=auto} became for this client
 */
record PictureRequest(SourcePath path, VariantRequest variant, Negotiation negotiation) {

    /** How URLs are checked: the signing key, when configured, and the size policy for unsigned ones. */
    record Policy(UrlSigner signer, VariantLadder ladder, SizePolicy sizePolicy) {
    }

    /**
     * @param rawPath the path after the filter's prefix, still percent-encoded
     * @throws HttpFailure 404 for a path outside the source root, 400 for bad arguments or a size the size
     *                     policy refuses, 403 for a wrong {@code sig}
     */
    static PictureRequest read(HttpServletRequest request, String rawPath, Policy policy) {
        SourcePath path = RequestPath.parse(rawPath);
        Map<String, String[]> arguments = QueryArguments.parse(request.getQueryString());
        Negotiation negotiation = Negotiation.of(arguments, request);
        // The ratio is multiplied in first, so the size policy applies to the box that is made.
        VariantRequest wanted = parse(negotiation.apply(arguments)).atDevicePixels();
        boolean signed = verifySignature(policy.signer(), path, arguments);
        VariantRequest allowed = signed || wanted.isOriginal() ? wanted : authorize(policy, wanted);
        return new PictureRequest(path, allowed, negotiation);
    }

    private static VariantRequest parse(Map<String, String[]> arguments) {
        try {
            return VariantRequest.fromArguments(arguments);
        } catch (ImageFactoryException e) {
            throw HttpFailure.of(e, e.getMessage());
        }
    }

    /**
     * Whether the URL carries a correct {@code sig}, checked whenever there is one, even on a request for the
     * original file; without a configured key, {@code sig} is ignored and the size policy decides.
     *
     * @throws HttpFailure 403 for a {@code sig} that does not match
     */
    private static boolean verifySignature(UrlSigner signer, SourcePath path, Map<String, String[]> arguments) {
        if (signer == null || !arguments.containsKey(UrlSigner.SIG)) {
            return false;
        }
        if (!signer.verify(path.value(), arguments)) {
            throw new HttpFailure(403, "invalid sig for " + path + ": expected the HMAC-SHA256 of '"
                    + UrlSigner.message(path.value(), arguments) + "' with the configured signingKey");
        }
        return true;
    }

    /** The size policy's answer for an unsigned URL. */
    private static VariantRequest authorize(Policy policy, VariantRequest wanted) {
        try {
            return policy.ladder().apply(policy.sizePolicy(), wanted);
        } catch (ImageFactoryException e) {
            throw HttpFailure.of(e, e.getMessage());
        }
    }
}
