package org.imagefactory.filter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes responses: an image with its caching headers (or {@code 304}, or {@code 412}), or an error with a one-line
 * reason.
 */
final class HttpReplies {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpReplies() {
    }

    /**
     * The headers of an image response, rendered once, so a reply served again from the {@link ReplyIndex}
     * formats nothing.
     *
     * @param serverTiming the {@code Server-Timing} value, or {@code null} for none
     */
    record Headers(String contentType, long length, String etag, long lastModified, String lastModifiedDate,
                   String cacheControl, boolean varyAccept, String serverTiming) {

        static Headers of(Payload payload, String contentType, String cacheControl, boolean varyAccept,
                          String serverTiming) {
            return new Headers(contentType, payload.length(), payload.etag(), payload.lastModified(),
                    HTTP_DATE.format(Instant.ofEpochMilli(payload.lastModified())), cacheControl, varyAccept,
                    serverTiming);
        }
    }

    /**
     * Sends a payload, or {@code 304} when the client's copy is current, or {@code 412} when a precondition
     * fails (see {@link Preconditions}); {@code HEAD} gets the headers only.
     */
    static void send(HttpServletRequest request, HttpServletResponse response, Headers headers, Payload payload)
            throws IOException {
        Preconditions.Verdict verdict = Preconditions.evaluate(request, headers.etag(), headers.lastModified());
        if (verdict.outcome() == Preconditions.Outcome.FAILED) {
            fail(request, response, new HttpFailure(HttpServletResponse.SC_PRECONDITION_FAILED, verdict.reason()));
            return;
        }
        response.setHeader("ETag", headers.etag());
        response.setHeader("Last-Modified", headers.lastModifiedDate());
        response.setHeader("Cache-Control", headers.cacheControl());
        if (headers.varyAccept()) {
            response.setHeader("Vary", "Accept");
        }
        if (headers.serverTiming() != null) {
            response.setHeader("Server-Timing", headers.serverTiming());
        }
        if (verdict.outcome() == Preconditions.Outcome.NOT_MODIFIED) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(headers.contentType());
        response.setContentLengthLong(headers.length());
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
        // the reason may quote the request's path and arguments: never let a browser read it as markup
        response.setHeader("X-Content-Type-Options", "nosniff");
        failure.headers().forEach(response::setHeader);
        response.setContentType("text/plain;charset=UTF-8");
        byte[] body = (oneLine(failure.reason(request.getRequestURI())) + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
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
                    if (isZeroWeight(parts[i].replace(" ", "").strip())) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** {@code q=0}, {@code q=0.}, {@code q=0.000}: the client refuses the type. */
    private static boolean isZeroWeight(String parameter) {
        if (!parameter.startsWith("q=0")) {
            return false;
        }
        if (parameter.length() == 3) {
            return true;
        }
        if (parameter.charAt(3) != '.') {
            return false;
        }
        for (int i = 4; i < parameter.length(); i++) {
            if (parameter.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    private static String oneLine(String text) {
        return text == null ? "error" : text.replaceAll("[\\r\\n\\p{Cntrl}]+", " ").strip();
    }
}
