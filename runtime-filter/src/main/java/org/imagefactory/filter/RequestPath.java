package org.imagefactory.filter;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.SourcePath;

/**
 * Turns the raw (still percent-encoded) path after the filter's prefix into a checked source path. It decodes
 * exactly once, so {@code %252e} stays a literal {@code %2e}; an encoded separator ({@code %2f}, {@code %5c}),
 * malformed escapes or UTF-8, path parameters, and anything {@link SourcePath} refuses ({@code ..}, absolute,
 * backslash, NUL) are all simply "not found", as is any segment named {@code WEB-INF} or {@code META-INF}.
 */
final class RequestPath {

    private RequestPath() {
    }

    static SourcePath parse(String raw) {
        if (raw.indexOf(';') >= 0) {
            throw HttpFailure.notFound();
        }
        String decoded = decode(raw);
        SourcePath path;
        try {
            path = SourcePath.of(decoded);
        } catch (ImageFactoryException e) {
            throw HttpFailure.notFound();
        }
        for (String segment : decoded.split("/")) {
            String upper = segment.toUpperCase(Locale.ROOT);
            if (upper.equals("WEB-INF") || upper.equals("META-INF")) {
                throw HttpFailure.notFound();
            }
        }
        return path;
    }

    private static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int escape = raw.indexOf('%', i);
            int plainEnd = escape < 0 ? raw.length() : escape;
            bytes.writeBytes(raw.substring(i, plainEnd).getBytes(StandardCharsets.UTF_8));
            if (escape < 0) {
                break;
            }
            if (escape + 2 >= raw.length()) {
                throw HttpFailure.notFound();
            }
            int value = hex(raw.charAt(escape + 1)) << 4 | hex(raw.charAt(escape + 2));
            if (value == '/' || value == '\\') {
                throw HttpFailure.notFound();
            }
            bytes.write(value);
            i = escape + 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw HttpFailure.notFound();
        }
    }

    private static int hex(char c) {
        int digit = Character.digit(c, 16);
        if (digit < 0) {
            throw HttpFailure.notFound();
        }
        return digit;
    }
}
