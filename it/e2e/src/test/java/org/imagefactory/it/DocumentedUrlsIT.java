package org.imagefactory.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The URL tables of the README ("Ask for sizes") and of docs/filter.md, read from the files themselves, are true of
 * the sample site as the README's first command starts it (no options): each row's URL, asked as a browser asks,
 * gives the status, body, pixel size, format, headers and cache states the row states.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentedUrlsIT {

    /** What Chromium sends for an {@code <img>}: the tables speak of what a browser gets. */
    static final String BROWSER_ACCEPT = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";

    RunnerProcess server;

    @BeforeAll
    void startTheSiteAsTheReadmeSays() {
        server = RunnerProcess.start(null, null, E2eFiles.output("documented-urls").resolve("runner.log"));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theReadmesTableOfUrlsIsTrueOfTheSampleSite() {
        assertRowsHold(DocumentedUrl.tableAfter(E2eFiles.checkout().resolve("README.md"), "**3. Ask for sizes.**"));
    }

    @Test
    void theFilterDocsTableOfUrlsIsTrueOfTheSampleSite() {
        assertRowsHold(DocumentedUrl.tableAfter(E2eFiles.checkout().resolve("docs/filter.md"), "## URLs"));
    }

    private void assertRowsHold(List<DocumentedUrl> rows) {
        assertThat(rows).as("rows of the table").hasSizeGreaterThanOrEqualTo(5);
        SoftAssertions softly = new SoftAssertions();
        for (DocumentedUrl row : rows) {
            // Appended, not resolved: URI.resolve would remove the ../ a row may be about.
            URI url = URI.create(server.base().toString().replaceAll("/$", "") + row.url());
            int requests = Math.max(1, row.cacheStates().size());
            for (int i = 0; i < requests; i++) {
                HttpResponse<byte[]> response = Http.get(url, "Accept", BROWSER_ACCEPT);
                String what = row + ", request " + (i + 1) + ": " + Http.describe(response);
                softly.assertThat(response.statusCode()).as(what).isEqualTo(row.status());
                row.body().ifPresent(body -> softly.assertThat(new String(response.body(), StandardCharsets.UTF_8))
                        .as(what).startsWith(body));
                if (response.statusCode() != 200) {
                    continue;
                }
                row.size().ifPresent(size -> {
                    Dimension pixels = Images.size(response.body());
                    softly.assertThat(pixels.width + "x" + pixels.height).as(what + ": pixels").isEqualTo(size);
                });
                row.format().ifPresent(format -> softly.assertThat(Images.format(response.body())).as(what + ": format")
                        .isEqualTo(format));
                for (Map.Entry<String, String> header : row.headers().entrySet()) {
                    softly.assertThat(String.join(", ", response.headers().allValues(header.getKey())))
                            .as(what + ": " + header.getKey()).contains(header.getValue());
                }
                if (!row.cacheStates().isEmpty()) {
                    softly.assertThat(Http.cacheState(response)).as(what + ": cache state")
                            .isEqualTo(row.cacheStates().get(i));
                }
            }
        }
        softly.assertAll();
    }
}
