package org.imagefactory.core.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.imagefactory.core.PipelineOptions;
import org.imagefactory.core.VariantRequest;

/**
 * Identifies everything that decides a variant's bytes apart from the source itself: the requested variant, the
 * pipeline options that change output, and the tool's version (a new version may resize or encode differently).
 * An output made under another fingerprint is redone.
 */
public final class VariantFingerprint {

    private VariantFingerprint() {
    }

    public static String of(VariantRequest request, PipelineOptions options, String toolVersion) {
        String canonical = String.join("\n", "tool=" + toolVersion, "variant=" + request.toQueryString(),
                "defaultQuality=" + options.defaultQuality(),
                "background=" + Integer.toHexString(options.background().getRGB()),
                "progressiveJpeg=" + options.progressiveJpeg());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
