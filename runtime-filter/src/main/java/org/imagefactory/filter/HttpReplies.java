package org.imagefactory.filter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Writes responses: an image with its caching headers (or {@code 304}), or an error with a one-line reason. */
final class HttpReplies {

    private HttpReplies() {
    }

    /**
     * Sends a payload, or {@code 304} when the client's copy is current; {@code HEAD} gets the headers only.
     *
     * @param serverTiming the {@code Server-Timing} value, or {@code null} for none
     */
    static void send(HttpServletRequest request, HttpServletResponse response, Payload payload, String contentType,
                     String cacheControl, boolean varyAccept, String serverTiming) throws IOException {
        String etag = payload.etag();
        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", payload.lastModified());
        response.setHeader("Cache-Control", cacheControl);
        if (varyAccept) {
            response.setHeader("Vary", "Accept");
        }
        if (serverTiming != null) {
            response.setHeader("Server-Timing", serverTiming);
        }
        if (notModified(request, etag, payload.lastModified())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        response.setContentLengthLong(payload.length());
        if (!"HEAD".equals(request.getMethod())) {
            payload.writeTo(response.getOutputStream());
        }
    }

    static void fail(HttpServletRequest request, HttpServletResponse response, HttpFailure failure)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(failure.status());
        response.setHeader("Cache-Control", "no-store");
        failure.headers().forEach(response::setHeader);
        response.setContentType("text/plain;charset=UTF-8");
        byte[] body = (oneLine(failure.getMessage()) + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2); entity tags compare weakly here. */
    private static boolean notModified(HttpServletRequest request, String etag, long lastModified) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.strip();
                if (candidate.startsWith("W/")) {
                    candidate = candidate.substring(2);
                }
                if (candidate.equals("*") || candidate.equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        long since;
        try {
            since = request.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException e) {
            return false;
        }
        return since >= 0 && lastModified / 1000 <= since / 1000;
    }

    /** Whether the client takes WebP: an explicit {@code image/webp} without {@code q=0}. */
    static boolean acceptsWebp(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = range.split(";");
            if (parts[0].strip().equals("image/webp")) {
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].strip().replace(" ", "");
                    if (parameter.matches("q=0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String text) {
        return text == null ? "error" : text.replaceAll("[\\r\\n\\p{Cntrl}]+", " ").strip();
    }
}
