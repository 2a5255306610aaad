package org.imagefactory.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * nginx with proxy_cache in front of the site: the filter's answers carry what an edge cache needs, so a repeated
 * request is served by nginx with the filter's headers and bytes unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NginxProxyIT {

    static final String PICTURE = "picture/landscapes/sea-sunrise.jpg";
    static final List<String> FILTER_HEADERS = List.of("Content-Type", "Content-Length", "ETag", "Last-Modified",
            "Cache-Control");

    RunnerProcess site;
    Nginx nginx;

    @BeforeAll
    void start() {
        Path output = E2eFiles.output("nginx");
        site = RunnerProcess.start(null, null, output.resolve("runner.log"));
        nginx = Nginx.proxyWithCache(site.base(), output.resolve("prefix"));
    }

    @AfterAll
    void stop() {
        if (nginx != null) {
            nginx.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void aRepeatedRequestIsServedByNginxWithTheFiltersHeadersIntact() {
        String url = PICTURE + "?scalex=960&encoding=webp";
        HttpResponse<byte[]> direct = Http.get(site.resolve(url));
        HttpResponse<byte[]> first = Http.get(nginx.resolve(url));
        HttpResponse<byte[]> repeated = Http.get(nginx.resolve(url));

        assertThat(direct.statusCode()).as(Http.describe(direct)).isEqualTo(200);
        assertThat(first.statusCode()).as(Http.describe(first)).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Cache-Status")).hasValue("MISS");
        assertThat(repeated.statusCode()).as(Http.describe(repeated)).isEqualTo(200);
        assertThat(repeated.headers().firstValue("X-Cache-Status")).hasValue("HIT");
        for (String header : FILTER_HEADERS) {
            assertThat(direct.headers().firstValue(header)).as("the filter sends " + header).isPresent();
            assertThat(repeated.headers().allValues(header)).as(header + " from nginx's cache")
                    .isEqualTo(direct.headers().allValues(header));
        }
        assertThat(repeated.headers().allValues("Server-Timing")).as("Server-Timing as the filter sent it to nginx")
                .isNotEmpty().isEqualTo(first.headers().allValues("Server-Timing"));
        assertThat(repeated.body()).isEqualTo(direct.body());
    }

    @Test
    void aNegotiatedEncodingIsCachedPerAcceptHeader() {
        String url = PICTURE + "?scalex=640&encoding=auto";
        String webp = "image/avif,image/webp,image/apng,image/*,*/*;q=0.8";
        String legacy = "image/jpeg,image/*;q=0.8";

        HttpResponse<byte[]> modern = Http.get(nginx.resolve(url), "Accept", webp);
        HttpResponse<byte[]> modernAgain = Http.get(nginx.resolve(url), "Accept", webp);
        HttpResponse<byte[]> old = Http.get(nginx.resolve(url), "Accept", legacy);

        assertThat(modern.headers().firstValue("Vary").orElse("")).containsIgnoringCase("Accept");
        assertThat(modern.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(modernAgain.headers().firstValue("X-Cache-Status")).hasValue("HIT");
        assertThat(modernAgain.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(old.statusCode()).as(Http.describe(old)).isEqualTo(200);
        assertThat(old.headers().firstValue("Content-Type"))
                .as("a browser without WebP must not get nginx's cached WebP").hasValue("image/jpeg");
    }
}
