package org.imagefactory.filter;

import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The conditional headers of a GET or HEAD for an existing representation, evaluated in RFC 9110 §13.2.2's order,
 * as Tomcat's own DefaultServlet does: {@code If-Match} (strong comparison, {@code *} matches), else
 * {@code If-Unmodified-Since}; a failure there is {@code 412}. Then {@code If-None-Match} (weak comparison), else
 * {@code If-Modified-Since}; a match there is {@code 304}. A date that does not parse is ignored, as the RFC says.
 */
final class Preconditions {

    /** What the response is. */
    enum Outcome { SEND, NOT_MODIFIED, FAILED }

    /** The outcome, and for {@link Outcome#FAILED} the one-line reason. */
    record Verdict(Outcome outcome, String reason) {
    }

    private static final Verdict SEND = new Verdict(Outcome.SEND, null);
    private static final Verdict NOT_MODIFIED = new Verdict(Outcome.NOT_MODIFIED, null);

    private Preconditions() {
    }

    static Verdict evaluate(HttpServletRequest request, String etag, long lastModified) {
        String ifMatch = joined(request, "If-Match");
        if (ifMatch != null) {
            if (!matches(ifMatch, etag, true)) {
                return new Verdict(Outcome.FAILED, "precondition failed: If-Match " + ifMatch
                        + " does not match the current ETag " + etag);
            }
        } else {
            long since = date(request, "If-Unmodified-Since");
            if (since >= 0 && lastModified / 1000 > since / 1000) {
                return new Verdict(Outcome.FAILED, "precondition failed: the picture was modified after"
                        + " If-Unmodified-Since " + request.getHeader("If-Unmodified-Since"));
            }
        }
        String ifNoneMatch = joined(request, "If-None-Match");
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, etag, false) ? NOT_MODIFIED : SEND;
        }
        long since = date(request, "If-Modified-Since");
        return since >= 0 && lastModified / 1000 <= since / 1000 ? NOT_MODIFIED : SEND;
    }

    /** Every field of that name as one list, as RFC 9110 §5.3 allows; {@code null} when there is none. */
    private static String joined(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        return String.join(", ", Collections.list(values));
    }

    private static long date(HttpServletRequest request, String name) {
        try {
            return request.getDateHeader(name);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /**
     * Whether a list of entity tags ({@code "a", W/"b"} or {@code *}) names the current one. Strong comparison
     * needs both tags strong and equal; weak comparison ignores {@code W/}. A malformed list matches nothing.
     */
    static boolean matches(String list, String current, boolean strong) {
        boolean currentWeak = current.startsWith("W/");
        String currentOpaque = currentWeak ? current.substring(2) : current;
        int i = 0;
        while (i < list.length()) {
            char c = list.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c == '*') {
                return true;
            }
            boolean weak = list.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            if (open >= list.length() || list.charAt(open) != '"') {
                return false;
            }
            int close = list.indexOf('"', open + 1);
            if (close < 0) {
                return false;
            }
            boolean comparable = !strong || (!weak && !currentWeak);
            if (comparable && list.regionMatches(open, currentOpaque, 0, currentOpaque.length())
                    && close + 1 - open == currentOpaque.length()) {
                return true;
            }
            i = close + 1;
        }
        return false;
    }
}
