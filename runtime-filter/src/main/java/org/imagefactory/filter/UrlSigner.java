package org.imagefactory.filter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.imagefactory.core.VariantArgument;

/**
 * Signs and checks the {@code sig} argument: lower-case hex HMAC-SHA256, keyed by the {@code signingKey}, of
 * {@code <source path>?<arguments>}, where the arguments are {@code scalex}, {@code scaley}, {@code encoding} and
 * {@code quality} in that order, only those present, each {@code name=value} exactly as in the (decoded) URL,
 * joined by {@code &}; for example {@code photos/cat.jpg?scalex=500&encoding=webp}. Other arguments are not
 * signed. A page that builds image URLs on the server can call {@link #sign(String, String)}.
 */
public final class UrlSigner {

    public static final String SIG = "sig";
    private static final String ALGORITHM = "HmacSHA256";
    private static final List<String> SIGNED = VariantArgument.names();

    /** A keyed Mac per thread: creating and keying one per request costs more than the HMAC itself. */
    private final ThreadLocal<Mac> macs;

    public UrlSigner(String signingKey) {
        if (signingKey == null || signingKey.isEmpty()) {
            throw new IllegalArgumentException("a signing key must not be empty");
        }
        SecretKeySpec key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        });
    }

    /**
     * The {@code sig} value for a source path (relative to the source root, such as {@code photos/cat.jpg}) and
     * a query string of plain values (such as {@code scalex=500&encoding=webp}, in any order).
     */
    public String sign(String sourcePath, String query) {
        Map<String, String[]> arguments = new HashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                arguments.putIfAbsent(pair.substring(0, equals), new String[] {pair.substring(equals + 1)});
            }
        }
        return sign(sourcePath, arguments);
    }

    String sign(String sourcePath, Map<String, String[]> arguments) {
        Mac mac = macs.get();
        return HexFormat.of().formatHex(mac.doFinal(message(sourcePath, arguments).getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the arguments carry a {@code sig} that matches; compared in constant time. */
    boolean verify(String sourcePath, Map<String, String[]> arguments) {
        String[] given = arguments.get(SIG);
        if (given == null || given.length != 1) {
            return false;
        }
        byte[] expected = sign(sourcePath, arguments).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given[0].toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII));
    }

    static String message(String sourcePath, Map<String, String[]> arguments) {
        StringBuilder message = new StringBuilder(sourcePath).append('?');
        String separator = "";
        for (String name : SIGNED) {
            String[] values = arguments.get(name);
            if (values != null && values.length > 0) {
                message.append(separator).append(name).append('=').append(values[0]);
                separator = "&";
            }
        }
        return message.toString();
    }
}
