package org.imagefactory.filter;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.imagefactory.core.Encoding;
import org.imagefactory.core.VariantArgument;

/**
 * What {@code encoding=auto} became for one client. Invariant: a request is negotiated exactly when every
 * {@code encoding} value it carries is {@code auto} (in any case); it then becomes WebP for a client whose
 * {@code Accept} takes {@code image/webp}, else the source's own format, and its reply varies on {@code Accept}.
 */
enum Negotiation {

    /** No {@code encoding=auto}: the arguments say what the client gets. */
    NONE,
    /** Negotiated, and the client takes WebP. */
    WEBP,
    /** Negotiated, and the client gets the source's own format. */
    SOURCE_FORMAT;

    private static final String AUTO = "auto";

    /** The negotiation the request's arguments ask for, decided by its {@code Accept} header. */
    static Negotiation of(Map<String, String[]> arguments, HttpServletRequest request) {
        if (!isAuto(arguments.get(VariantArgument.ENCODING.argument()))) {
            return NONE;
        }
        return HttpReplies.acceptsWebp(request) ? WEBP : SOURCE_FORMAT;
    }

    /** Whether {@code encoding=auto} was negotiated, so the reply varies on {@code Accept}. */
    boolean negotiated() {
        return this != NONE;
    }

    /** The arguments with {@code encoding=auto} replaced by what it became. */
    Map<String, String[]> apply(Map<String, String[]> arguments) {
        if (this == NONE) {
            return arguments;
        }
        Map<String, String[]> copy = new HashMap<>(arguments);
        if (this == WEBP) {
            copy.put(VariantArgument.ENCODING.argument(), new String[] {Encoding.WEBP.argument()});
        } else {
            copy.remove(VariantArgument.ENCODING.argument());
        }
        return copy;
    }

    private static boolean isAuto(String[] values) {
        if (values == null || values.length == 0) {
            return false;
        }
        for (String value : values) {
            if (!AUTO.equalsIgnoreCase(value)) {
                return false;
            }
        }
        return true;
    }
}
