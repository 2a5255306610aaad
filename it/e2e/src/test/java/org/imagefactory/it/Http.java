package org.imagefactory.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A plain HTTP/1.1 client for the tests: no cookies, no redirects, no cache. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Pattern CACHE_STATE = Pattern.compile("cache;\\s*desc=\"?([a-z]+)\"?");

    private Http() {
    }

    static HttpResponse<byte[]> get(URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + uri, e);
        }
    }

    /** {@code pregenerated}, {@code hit} or {@code generated} from the filter's {@code Server-Timing} header. */
    static String cacheState(HttpResponse<?> response) {
        String timing = String.join(", ", response.headers().allValues("Server-Timing"));
        Matcher matcher = CACHE_STATE.matcher(timing);
        return matcher.find() ? matcher.group(1) : "(no cache entry in Server-Timing: '" + timing + "')";
    }

    static String describe(HttpResponse<byte[]> response) {
        String body = response.statusCode() == 200 ? response.body().length + " bytes"
                : new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).strip();
        return response.request().uri() + " -> " + response.statusCode() + " " + body
                + " Server-Timing=" + response.headers().allValues("Server-Timing");
    }
}
