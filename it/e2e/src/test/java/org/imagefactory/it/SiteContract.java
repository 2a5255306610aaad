package org.imagefactory.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.imagefactory.core.CacheNaming;
import org.imagefactory.core.SourceInfo;
import org.imagefactory.core.SourcePath;
import org.imagefactory.core.VariantRequest;
import org.imagefactory.core.VariantSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the built sample site must do in any servlet container: serve every pre-generated variant without
 * regenerating it, snap an off-ladder width up to the ladder, generate a signed new size once and then serve it
 * from the cache, and generate the same bytes the plugin did when a pre-generated file is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SiteContract {

    static final String SIGNING_KEY = "e2e-signing-key";
    static final String LANDSCAPE = "landscapes/alpine-lake.jpg";

    final SampleSite site = SampleSite.built();
    SiteServer server;

    /** Deploys {@code war} (a war file or an exploded folder) with the signing key, at the root context. */
    abstract SiteServer deploy(Path war, String signingKey, String name);

    abstract String containerName();

    @BeforeAll
    void deployTheBuiltWar() {
        server = deploy(site.war(), SIGNING_KEY, "built-war");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void servesThePagesAndTheirAssets() {
        for (String page : List.of("", "index.html", "lazy.html", "cards.html", "site.css", "lazy.js",
                "served.js")) {
            HttpResponse<byte[]> response = Http.get(server.resolve(page));
            assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(200);
        }
        assertThat(new String(Http.get(server.base()).body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("<picture>", "srcset=", "loading=\"lazy\"");
    }

    @Test
    void everyLadderVariantIsServedFromWhatThePluginGenerated() {
        assertThat(site.ladder()).as("the size ladder in the war's manifest").hasSizeGreaterThanOrEqualTo(10);
        assertThat(site.pictures()).as("the pictures in the war").hasSizeGreaterThanOrEqualTo(12);
        SoftAssertions softly = new SoftAssertions();
        for (var picture : site.pictures().entrySet()) {
            for (VariantRequest variant : site.ladder()) {
                String url = "picture/" + picture.getKey() + "?" + variant.toQueryString();
                HttpResponse<byte[]> response = Http.get(server.resolve(url));
                softly.assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(200);
                if (response.statusCode() != 200) {
                    continue;
                }
                softly.assertThat(Http.cacheState(response)).as(url).isEqualTo("pregenerated");
                softly.assertThat(response.headers().firstValue("Content-Type")).as(url)
                        .hasValue(variant.encoding().mimeType());
                VariantSpec.Size expected = expectedSize(picture.getValue(), variant);
                Dimension actual = Images.size(response.body());
                softly.assertThat(actual.width + "x" + actual.height).as(url).isEqualTo(expected.toString());
                softly.assertThat(site.contains(SampleSite.PREGENERATED_PREFIX + CacheNaming.variantPath(
                        SourcePath.of(picture.getKey()), VariantSpec.normalize(variant, picture.getValue(), VariantSpec.STANDARD_QUALITY))))
                        .as("the war holds the variant for " + url).isTrue();
            }
        }
        softly.assertAll();
    }

    @Test
    void anOffLadderWidthIsSnappedUpToTheNextStep() {
        SourceInfo info = site.picture(LANDSCAPE);
        for (int asked : List.of(1, 500, 641, 1000, 1500)) {
            String url = "picture/" + LANDSCAPE + "?scalex=" + asked + "&encoding=jpeg";
            HttpResponse<byte[]> response = Http.get(server.resolve(url));
            assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(200);
            int step = site.snapUp(asked);
            assertThat(Images.size(response.body()).width).as(url).isEqualTo(Math.min(step, info.width()));
            assertThat(Http.cacheState(response)).as(url + " snapped to the pre-generated " + step).isEqualTo("pregenerated");
        }
    }

    @Test
    void aSignedNewSizeIsGeneratedOnceThenServedFromTheCache() {
        String query = "scalex=500&encoding=webp";
        String signed = "picture/" + LANDSCAPE + "?" + query + "&sig=" + UrlSignature.sign(SIGNING_KEY, LANDSCAPE, query);

        HttpResponse<byte[]> first = Http.get(server.resolve(signed));
        assertThat(first.statusCode()).as(Http.describe(first)).isEqualTo(200);
        assertThat(Http.cacheState(first)).isEqualTo("generated");
        assertThat(Images.size(first.body()).width).isEqualTo(500);
        assertThat(Images.format(first.body())).isEqualTo("webp");

        HttpResponse<byte[]> second = Http.get(server.resolve(signed));
        assertThat(second.statusCode()).as(Http.describe(second)).isEqualTo(200);
        assertThat(Http.cacheState(second)).isEqualTo("hit");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
    }

    @Test
    void aMissingPregeneratedVariantIsGeneratedWithTheSameBytes() {
        String folder = SampleSite.PREGENERATED_PREFIX + CacheNaming.variantFolder(SourcePath.of(LANDSCAPE)) + "/";
        Path exploded = site.explodedWithout(E2eFiles.output(containerName() + "-exploded-war").resolve("site"),
                entry -> entry.startsWith(folder));
        List<String> differing = new ArrayList<>();
        try (SiteServer bare = deploy(exploded, SIGNING_KEY, "without-pregenerated")) {
            for (VariantRequest variant : site.ladder()) {
                String url = "picture/" + LANDSCAPE + "?" + variant.toQueryString();
                HttpResponse<byte[]> pregenerated = Http.get(server.resolve(url));
                HttpResponse<byte[]> generated = Http.get(bare.resolve(url));
                assertThat(pregenerated.statusCode()).as(Http.describe(pregenerated)).isEqualTo(200);
                assertThat(generated.statusCode()).as(Http.describe(generated)).isEqualTo(200);
                assertThat(Http.cacheState(pregenerated)).as(url).isEqualTo("pregenerated");
                assertThat(Http.cacheState(generated)).as(url + " without its pre-generated file").isEqualTo("generated");
                if (!java.util.Arrays.equals(pregenerated.body(), generated.body())) {
                    differing.add(variant.toQueryString() + " (" + pregenerated.body().length + " bytes pre-generated, "
                            + generated.body().length + " generated)");
                }
            }
        }
        assertThat(differing).as("variants whose pre-generated bytes differ from the filter's").isEmpty();
    }

    private static VariantSpec.Size expectedSize(SourceInfo info, VariantRequest variant) {
        return VariantSpec.normalize(variant, info, VariantSpec.STANDARD_QUALITY).outputSize(info.width(), info.height());
    }
}
