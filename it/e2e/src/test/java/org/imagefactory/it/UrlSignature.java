package org.imagefactory.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a picture URL the way the filter's documentation says, written out here rather than borrowed from the
 * filter so the test checks the documented contract: lower-case hex HMAC-SHA256 of
 * {@code <source path>?<scalex, scaley, encoding, quality as given, in that order>}.
 */
final class UrlSignature {

    private UrlSignature() {
    }

    static String sign(String key, String sourcePath, String canonicalQuery) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((sourcePath + "?" + canonicalQuery).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
