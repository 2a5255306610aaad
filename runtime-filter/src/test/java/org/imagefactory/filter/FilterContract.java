package org.imagefactory.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The filter's behaviour as a client sees it, in a real container: each container's test class runs all of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FilterContract {

    @TempDir
    static Path temp;

    private Container container;
    private TestSites sites;
    private Http http;

    protected abstract Container newContainer(Path workFolder);

    @BeforeAll
    void start() throws Exception {
        sites = new TestSites(Files.createDirectories(temp.resolve("sites")));
        container = newContainer(Files.createDirectories(temp.resolve("container")));
        for (String name : List.of("site", "strict", "any", "busy", "small", "nocache", "root", "linked",
                "bean", "everything", "twin-a", "twin-b", "tight", "slow", "waiters", "lowmemory",
                "nopictures")) {
            container.deploy("/" + name, sites.webApp(name));
        }
        http = new Http(container.start());
    }

    @AfterAll
    void stop() throws Exception {
        if (http != null) {
            http.close();
        }
        if (container != null) {
            container.close();
        }
        if (sites != null) {
            sites.close();
        }
    }

    private FilterStatistics statistics(String contextPath, String filterName) {
        return (FilterStatistics) container.context(contextPath)
                .getAttribute(FilterStatistics.ATTRIBUTE_PREFIX + filterName);
    }

    private static BufferedImage image(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return TestImages.read(response.body());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @ParameterizedTest(name = "{0} -> {1}x{2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            scalex=400                  | 400  | 267 | image/jpeg
            scaley=200                  | 300  | 200 | image/jpeg
            scalex=400.6                | 401  | 267 | image/jpeg
            scalex=400.4                | 400  | 267 | image/jpeg
            scalex=5000                 | 1200 | 800 | image/jpeg
            scalex=5000&scaley=5000     | 1200 | 800 | image/jpeg
            scalex=400&scaley=100       | 150  | 100 | image/jpeg
            scalex=300&encoding=png     | 300  | 200 | image/png
            scalex=300&encoding=JPG     | 300  | 200 | image/jpeg
            scalex=300&encoding=webp    | 300  | 200 | image/webp
            scalex=300&encoding=gif     | 300  | 200 | image/gif
            scalex=300&encoding=bmp     | 300  | 200 | image/bmp
            scalex=300&quality=35       | 300  | 200 | image/jpeg
            scalex=300&v=3              | 300  | 200 | image/jpeg
            encoding=png                | 1200 | 800 | image/png
            scalex=300&scaley=300&fit=cover                    | 300 | 300 | image/jpeg
            scalex=300&scaley=300&fit=cover&gravity=attention  | 300 | 300 | image/jpeg
            scalex=300&scaley=300&fit=cover&gravity=entropy    | 300 | 300 | image/jpeg
            scalex=300&scaley=300&fit=cover&gravity=fp:0.2,0.8 | 300 | 300 | image/jpeg
            scalex=300&scaley=300&fit=cover&gravity=NorthEast  | 300 | 300 | image/jpeg
            scalex=300&scaley=300&fit=contain&encoding=png     | 300 | 300 | image/png
            scalex=300&scaley=100&fit=fill                     | 300 | 100 | image/jpeg
            scalex=300&fit=cover                               | 300 | 200 | image/jpeg
            scalex=5000&scaley=5000&fit=cover                  | 800 | 800 | image/jpeg
            scalex=5000&scaley=5000&fit=contain                | 1200 | 1200 | image/jpeg
            scalex=200&dpr=2                                   | 400 | 267 | image/jpeg
            scalex=150&scaley=150&fit=cover&dpr=1.5            | 225 | 225 | image/jpeg
            """)
    void urlContractFitsInsideTheBoxAndNeverUpscales(String query, int width, int height, String type) {
        HttpResponse<byte[]> response = http.get("/any/picture/photos/cat.jpg?" + query);
        BufferedImage image = image(response);
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        assertThat(header(response, "Content-Type")).isEqualTo(type);
        assertThat(Long.parseLong(header(response, "Content-Length"))).isEqualTo(response.body().length);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            scalex=abc            | scalex
            scalex=-3             | scalex
            scalex=0              | scalex
            scalex=NaN            | scalex
            scalex=1e3            | scalex
            scaley=Infinity       | scaley
            scalex=               | scalex
            encoding=tiff         | encoding
            encoding=auto2        | encoding
            quality=0             | quality
            quality=101           | quality
            quality=5.5           | quality
            scalex=1&scalex=2     | scalex
            fit=crop              | fit
            fit=                  | fit
            gravity=middle        | gravity
            gravity=fp:1.5,0      | gravity
            gravity=fp:0.5        | gravity
            dpr=5                 | dpr
            dpr=0.5               | dpr
            dpr=2x                | dpr
            scalex=2000000000&scaley=800&fit=contain&encoding=png | fit=contain
            """)
    void invalidArgumentsAreA400WithAOneLineReason(String query, String argument) {
        HttpResponse<byte[]> response = http.get("/any/picture/photos/cat.jpg?" + query);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(header(response, "Content-Type")).startsWith("text/plain");
        assertThat(body).contains(argument).endsWith("\n");
        assertThat(body.strip()).doesNotContain("\n");
    }

    @Test
    void aMalformedEscapeInTheQueryIsA400FromTheFilter() {
        Http.Raw response = http.raw("/any/picture/photos/cat.jpg?scalex=%zz");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("scalex=%zz").doesNotContain("<html");
    }

    @Test
    void aMalformedEscapeInAnArgumentThatIsNotOursIsIgnored() {
        for (String query : List.of("scalex=104&utm_content=50%off", "utm_content=50%off", "%zz&scalex=104")) {
            Http.Raw response = http.raw("/any/picture/photos/cat.jpg?" + query);
            assertThat(response.status()).as(query).isEqualTo(200);
        }
        assertThat(http.raw("/any/picture/photos/cat.jpg?scalex=104&utm_content=50%off").body())
                .isEqualTo(http.raw("/any/picture/photos/cat.jpg?scalex=104").body());
    }

    @Test
    void noArgumentServesTheOriginalFileWithCachingHeaders() throws Exception {
        HttpResponse<byte[]> response = http.get("/any/picture/photos/cat.jpg");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readAllBytes(sites.pictures("any").resolve("photos/cat.jpg")));
        assertThat(header(response, "Content-Type")).isEqualTo("image/jpeg");
        assertThat(header(response, "ETag")).matches("\"[0-9a-f]{32}\"");
        assertThat(header(response, "Last-Modified")).isNotNull();
        assertThat(header(response, "Cache-Control")).isEqualTo("public, max-age=86400");
    }

    @Test
    void aPregeneratedFileIsServedWithoutGeneration() throws Exception {
        FilterStatistics statistics = statistics("/site", "imagefactory");
        long generated = statistics.generated();
        byte[] built = Files.readAllBytes(sites.webApp("site")
                .resolve("WEB-INF/imagefactory/photos/cat.jpg/x-320-y-800-cat.jpeg"));
        for (String query : List.of("scalex=320", "scalex=300")) {
            HttpResponse<byte[]> response = http.get("/site/picture/photos/cat.jpg?" + query);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).as(query).isEqualTo(built);
            assertThat(header(response, "Server-Timing")).isEqualTo("cache;desc=pregenerated");
        }
        assertThat(statistics.generated()).isEqualTo(generated);
    }

    @Test
    void aGeneratedVariantIsCachedAtItsNamedPathAndThenServedFromThere() throws Exception {
        HttpResponse<byte[]> first = http.get("/any/picture/photos/cat.jpg?scalex=222");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "Server-Timing"))
                .matches("decode;dur=[0-9.]+, resize;dur=[0-9.]+, encode;dur=[0-9.]+, cache;desc=generated");
        Path cached = sites.anyCache.resolve("photos/cat.jpg/x-222-y-800-cat.jpeg");
        assertThat(cached).exists();
        assertThat(Files.readAllBytes(cached)).isEqualTo(first.body());

        HttpResponse<byte[]> second = http.get("/any/picture/photos/cat.jpg?scalex=222");
        assertThat(header(second, "Server-Timing")).isEqualTo("cache;desc=hit");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(header(second, "ETag")).isEqualTo(header(first, "ETag"));
    }

    /**
     * A source replaced by another picture gets a new variant, whether the new file is dated later or, as after
     * {@code cp -p} or the deployment of a war built earlier, a day before; the new variant is then a cache hit.
     */
    @ParameterizedTest(name = "replacement dated {0} s from now")
    @ValueSource(longs = {5, -86_400})
    void aReplacedSourceIsRegenerated(long secondsFromNow) throws Exception {
        String name = secondsFromNow > 0 ? "newer.jpg" : "older.jpg";
        Path source = sites.pictures("any").resolve("photos/" + name);
        // Under the design's date rule alone an older-dated file is not noticed: the variant records its origin.
        assumeTrue(secondsFromNow > 0 || TestSites.keepsUserAttributes(temp),
                "the variant's origin needs user extended attributes");
        TestImages.write(source, TestImages.picture(400, 300, Color.RED, false), "jpeg");
        HttpResponse<byte[]> before = http.get("/any/picture/photos/" + name + "?scalex=100");
        assertThat(TestImages.centre(image(before)) >> 16).isGreaterThan(150);

        TestImages.write(source, TestImages.picture(400, 300, Color.BLUE, false), "jpeg");
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(secondsFromNow)));
        HttpResponse<byte[]> after = http.get("/any/picture/photos/" + name + "?scalex=100");
        assertThat(header(after, "Server-Timing")).endsWith("cache;desc=generated");
        assertThat(TestImages.centre(image(after)) & 0xff).isGreaterThan(150);
        assertThat(header(after, "ETag")).isNotEqualTo(header(before, "ETag"));
        HttpResponse<byte[]> again = http.get("/any/picture/photos/" + name + "?scalex=100");
        assertThat(header(again, "Server-Timing")).isEqualTo("cache;desc=hit");
        assertThat(again.body()).isEqualTo(after.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/site/picture/../WEB-INF/secret.jpg",
            "/site/picture/photos/../../WEB-INF/secret.jpg",
            "/site/picture/%2e%2e/WEB-INF/secret.jpg",
            "/site/picture/%2E%2E/%2E%2E/secret.txt?scalex=100",
            "/site/picture/..%2fWEB-INF%2fsecret.jpg",
            "/site/picture/%2e%2e%2f%2e%2e%2fsecret.txt",
            "/site/picture/..%5cWEB-INF%5csecret.jpg",
            "/site/picture/photos\\..\\..\\WEB-INF\\secret.jpg",
            "/site/picture/%252e%252e/WEB-INF/secret.jpg",
            "/site/picture/photos/cat.jpg%00.png",
            "/site/picture/photos/cat.jpg%00",
            "/site/picture//etc/passwd",
            "/site/picture/%2fetc%2fpasswd",
            "/site/picture/WEB-INF/hidden.jpg",
            "/site/picture/web-inf/hidden.jpg?scalex=100",
            "/site/picture/META-INF/hidden.jpg",
            "/site/picture/photos/link.jpg",
            "/site/picture/photos/link.jpg?scalex=100",
            "/site/picture/photos/cat.jpg;x=1",
            "/site/picture/photos/%c0%ae%c0%ae/secret.txt",
            "/site/picture/photos/nothing.jpg",
    })
    void pathsOutsideTheSourceRootAreNotFound(String target) {
        Http.Raw response = http.raw(target);
        assertThat(response.status()).as(target).isIn(400, 404);
        assertThat(response.body()).doesNotContain(TestSites.SECRET);
        if (response.status() == 400) {
            assertThat(response.body()).as(target + ": a 400 for a path comes from the container's own URI checks,"
                    + " which answer in HTML before any filter runs; the filter's answer is 404").contains("<html");
        }
    }

    @Test
    void aBareNotFoundNamesThePathAsTheClientSentIt() {
        for (String target : List.of("/site/picture/photos/nothing.jpg", "/site/picture/photos/link.jpg?scalex=100",
                "/site/picture/photos/%C3%A9t%C3%A9.jpg")) {
            Http.Raw response = http.raw(target);
            assertThat(response.status()).as(target).isEqualTo(404);
            assertThat(response.body()).as(target).isEqualTo("not found: " + target.replaceAll("\\?.*", "") + "\n")
                    .doesNotContain(sites.root.toString());
        }
    }

    /** With the web app as the source root, only files really in it and out of its WEB-INF are pictures. */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            root   | photos/cat.jpg             | 200
            root   | photos/alias.jpg           | 404
            root   | photos/private.jpg         | 404
            root   | private/private.jpg        | 404
            root   | photos/outside.jpg         | 404
            linked | photos/cat.jpg             | 200
            linked | photos/alias.jpg           | 200
            linked | photos/private.jpg         | 404
            linked | private/private.jpg        | 404
            linked | photos/outside.jpg         | 404
            """)
    void linksAreFollowedOnlyWhenAllowedAndNeverIntoWebInfOrOutOfTheRoot(String site, String path, int status) {
        for (String query : List.of("", "?scalex=100", "?scalex=110&encoding=png")) {
            String url = "/" + site + "/picture/pictures/" + path + query;
            for (int attempt = 0; attempt < 2; attempt++) {
                HttpResponse<byte[]> response = http.get(url);
                assertThat(response.statusCode()).as(url).isEqualTo(status);
            }
        }
        assertThat(http.get("/" + site + "/picture/WEB-INF/private.jpg?scalex=100").statusCode()).isEqualTo(404);
    }

    @Test
    void aFilterRegisteredEverywhereWithoutASourceRootStopsTheStartNamingWhatToSet() {
        assertThat(container.startFailure("/bean")).contains("imageFactoryFilter", "sourceRoot",
                "FilterRegistrationBean", "/picture/*");
        HttpResponse<byte[]> page = http.get("/bean/index.html");
        assertThat(page.statusCode()).as("a web app that did not start").isIn(404, 503);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).doesNotContain(TestSites.PAGE);
        assertThat(container.startFailure("/site")).isNull();
    }

    @Test
    void aWebAppWithTheJarButNoPicturesFolderStillStartsAndServesItsPages() {
        assertThat(container.startFailure("/nopictures")).isNull();
        HttpResponse<byte[]> page = http.get("/nopictures/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo(TestSites.PAGE);
        assertThat(http.get("/nopictures/picture/photos/cat.jpg?scalex=100").statusCode()).isEqualTo(404);
    }

    @Test
    void aFilterRegisteredEverywhereServesItsPicturesAndLeavesTheRestToTheWebApp() {
        HttpResponse<byte[]> page = http.get("/everything/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo(TestSites.PAGE);
        assertThat(image(http.get("/everything/photos/cat.jpg?scalex=128")).getWidth()).isEqualTo(128);
        assertThat(http.get("/everything/photos/cat.jpg").body())
                .isEqualTo(http.get("/everything/pictures/photos/cat.jpg").body());
        for (String url : List.of("/everything/photos/nothing.jpg", "/everything/nothing.html",
                "/everything/photos/notes.txt?scalex=100")) {
            HttpResponse<byte[]> missing = http.get(url);
            assertThat(missing.statusCode()).as(url).isEqualTo(404);
            assertThat(new String(missing.body(), StandardCharsets.UTF_8)).as(url).doesNotStartWith("not found");
        }
        HttpResponse<byte[]> posted = http.send(http.request("/everything/index.html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")).build());
        assertThat(header(posted, "Allow")).as("the filter's own 405").isNotEqualTo("GET, HEAD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/any/picture/photos/%C3%A9t%C3%A9.jpg",
            "/any/picture/photos/%C3%A9t%C3%A9.jpg?scalex=100", "/any/picture/%E7%8C%AB/cat.jpg?scalex=100"})
    void aNonAsciiNameWithoutSuchAFileIsNotFoundWhateverTheServersFileNameEncoding(String target) {
        assertThat(http.raw(target).status()).isEqualTo(404);
    }

    @Test
    void snapPolicyRoundsUnsignedSizesUpTheLadderAndSignedUrlsGetTheirSize() {
        UrlSigner signer = new UrlSigner(TestSites.SITE_KEY);
        assertThat(image(http.get("/site/picture/photos/cat.jpg?scalex=500")).getWidth()).isEqualTo(640);
        assertThat(image(http.get("/site/picture/photos/cat.jpg?scalex=5000")).getWidth()).isEqualTo(640);
        String signed = "scalex=500&sig=" + signer.sign("photos/cat.jpg", "scalex=500");
        assertThat(image(http.get("/site/picture/photos/cat.jpg?" + signed)).getWidth()).isEqualTo(500);
        assertThat(http.get("/site/picture/photos/cat.jpg?scalex=501&sig=" + signer.sign("photos/cat.jpg",
                "scalex=500")).statusCode()).isEqualTo(403);
        assertThat(http.get("/site/picture/photos/dog.png?" + signed).statusCode()).isEqualTo(403);
    }

    @Test
    void snapPolicyRoundsUnsignedQualitiesUpToOneTheServerMakes() {
        byte[] standard = http.get("/site/picture/photos/cat.jpg?scalex=640").body();
        for (String quality : List.of("1", "37", "79", "100")) {
            HttpResponse<byte[]> response = http.get("/site/picture/photos/cat.jpg?scalex=640&quality=" + quality);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).as("quality=" + quality).isEqualTo(standard);
        }
    }

    @Test
    void strictPolicyRefusesSizesOffTheLadderUnlessSigned() {
        UrlSigner signer = new UrlSigner(TestSites.STRICT_KEY);
        assertThat(image(http.get("/strict/img/photos/cat.jpg?scalex=100")).getWidth()).isEqualTo(100);
        assertThat(image(http.get("/strict/img/photos/cat.jpg?scalex=640")).getWidth()).isEqualTo(640);
        HttpResponse<byte[]> refused = http.get("/strict/img/photos/cat.jpg?scalex=101");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("scalex=101", "100, 128", "signed");
        String signed = "scalex=101&encoding=png&sig=" + signer.sign("photos/cat.jpg", "encoding=png&scalex=101");
        BufferedImage image = image(http.get("/strict/img/photos/cat.jpg?" + signed));
        assertThat(image.getWidth()).isEqualTo(101);
        assertThat(sites.strictCache.resolve("photos/cat.jpg/x-101-y-800-cat.png")).exists();
    }

    @Test
    void strictPolicyRefusesQualitiesItDoesNotMakeUnlessSigned() {
        assertThat(http.get("/strict/img/photos/cat.jpg?scalex=100&quality=60").statusCode()).isEqualTo(200);
        assertThat(sites.strictCache.resolve("photos/cat.jpg/x-100-y-800-q-60-cat.jpeg")).exists();
        HttpResponse<byte[]> refused = http.get("/strict/img/photos/cat.jpg?scalex=100&quality=61");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("quality=61", "[60, 80]", "signed");
        String signed = "scalex=100&quality=61&sig=" + new UrlSigner(TestSites.STRICT_KEY).sign("photos/cat.jpg",
                "scalex=100&quality=61");
        assertThat(http.get("/strict/img/photos/cat.jpg?" + signed).statusCode()).isEqualTo(200);
        assertThat(sites.strictCache.resolve("photos/cat.jpg/x-100-y-800-q-61-cat.jpeg")).exists();
    }

    @Test
    void strictPolicyMakesOnlyTheFitsAndGravitiesItListsUnlessSigned() {
        assertThat(http.get("/strict/img/photos/cat.jpg?scalex=100&scaley=100&fit=cover&gravity=north")
                .statusCode()).isEqualTo(200);
        assertThat(sites.strictCache.resolve("photos/cat.jpg/x-100-y-100-f-cover-g-north-cat.jpeg")).exists();
        assertThat(http.get("/strict/img/photos/cat.jpg?scalex=100&scaley=100&fit=cover&gravity=fp:0.30,0.7")
                .statusCode()).isEqualTo(200);
        assertThat(sites.strictCache.resolve("photos/cat.jpg/x-100-y-100-f-cover-g-fp-0.3-0.7-cat.jpeg")).exists();
        assertThat(http.get("/strict/img/photos/cat.jpg?scalex=100&scaley=100&fit=inside&gravity=attention")
                .statusCode()).as("a gravity that changes nothing is not checked").isEqualTo(200);
        assertThat(http.get("/strict/img/photos/cat.jpg?scalex=100&fit=contain").statusCode())
                .as("nor a fit without both dimensions").isEqualTo(200);
        HttpResponse<byte[]> fit = http.get("/strict/img/photos/cat.jpg?scalex=100&scaley=100&fit=contain");
        assertThat(fit.statusCode()).isEqualTo(400);
        assertThat(new String(fit.body(), StandardCharsets.UTF_8)).contains("fit=contain", "inside", "cover",
                "signed");
        HttpResponse<byte[]> gravity = http.get("/strict/img/photos/cat.jpg?scalex=100&scaley=100&fit=cover"
                + "&gravity=attention");
        assertThat(gravity.statusCode()).isEqualTo(400);
        assertThat(new String(gravity.body(), StandardCharsets.UTF_8)).contains("gravity=attention", "north",
                "fp:0.3,0.7");
        String query = "scalex=100&scaley=100&fit=cover&gravity=attention";
        String signed = query + "&sig=" + new UrlSigner(TestSites.STRICT_KEY).sign("photos/cat.jpg", query);
        assertThat(http.get("/strict/img/photos/cat.jpg?" + signed).statusCode()).isEqualTo(200);
        assertThat(sites.strictCache.resolve("photos/cat.jpg/x-100-y-100-f-cover-g-attention-cat.jpeg")).exists();
    }

    @Test
    void snapPolicyAppliesTheDevicePixelRatioBeforeTheLadderAndSnapsFocalPointsToTenths() {
        assertThat(image(http.get("/site/picture/photos/cat.jpg?scalex=300&dpr=2")).getWidth())
                .as("300 x 2 = 600, up the ladder to 640").isEqualTo(640);
        // On the 1200 x 800 cat a 320 x 320 cover keeps an 800 px wide window: 0.64 and 0.6 place it 48 px apart.
        String cover = "/site/picture/photos/cat.jpg?scalex=320&scaley=320&fit=cover&gravity=";
        byte[] snapped = http.get(cover + "fp:0.64,0.5").body();
        assertThat(snapped).isEqualTo(http.get(cover + "fp:0.6,0.5").body());
        assertThat(snapped).as("a window placed elsewhere is another file").isNotEqualTo(
                http.get(cover + "fp:0.7,0.5").body());
        assertThat(image(http.get("/site/picture/photos/cat.jpg?scalex=320&scaley=320&fit=cover&gravity=attention"))
                .getHeight()).isEqualTo(320);
    }

    @Test
    void aWrongSigIsA403EvenOnARequestForTheOriginal() throws Exception {
        UrlSigner signer = new UrlSigner(TestSites.SITE_KEY);
        for (String query : List.of("sig=00", "sig=", "encoding=auto&sig=00", "v=3&sig=00",
                "sig=" + signer.sign("photos/dog.png", ""))) {
            HttpResponse<byte[]> response = http.get("/site/picture/photos/cat.jpg?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(403);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("sig", "photos/cat.jpg");
        }
        byte[] original = Files.readAllBytes(sites.pictures("site").resolve("photos/cat.jpg"));
        HttpResponse<byte[]> signed = http.get("/site/picture/photos/cat.jpg?sig=" + signer.sign("photos/cat.jpg",
                ""));
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.body()).isEqualTo(original);
        HttpResponse<byte[]> withoutKey = http.get("/busy/picture/photos/cat.jpg?sig=00");
        assertThat(withoutKey.statusCode()).as("without a signingKey, sig is ignored").isEqualTo(200);
    }

    @Test
    void anyPolicyServesEverySizeSignedOrNot() {
        UrlSigner signer = new UrlSigner(TestSites.ANY_KEY);
        assertThat(image(http.get("/any/picture/photos/cat.jpg?scalex=123")).getWidth()).isEqualTo(123);
        String signed = "scalex=124&sig=" + signer.sign("photos/cat.jpg", "scalex=124");
        assertThat(image(http.get("/any/picture/photos/cat.jpg?" + signed)).getWidth()).isEqualTo(124);
        assertThat(http.get("/any/picture/photos/cat.jpg?scalex=125&sig=00").statusCode()).isEqualTo(403);
    }

    @Test
    void aDeclaredFilterMakesTheInitializerBackOff() {
        assertThat(http.get("/strict/picture/photos/cat.jpg?scalex=100").statusCode()).isEqualTo(404);
        assertThat(http.get("/strict/img/photos/cat.jpg?scalex=200").statusCode()).isEqualTo(200);
        assertThat(statistics("/strict", "pictures")).isNotNull();
        assertThat(statistics("/strict", ImageFactoryInitializer.FILTER_NAME)).isNull();
    }

    @Test
    void conditionalRequestsAndHeadAnswerFromTheTagAndDate() {
        String url = "/any/picture/photos/dog.png?scalex=150";
        HttpResponse<byte[]> full = http.get(url);
        String etag = header(full, "ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(header(full, "Cache-Control")).isEqualTo("public, max-age=86400");
        assertThat(header(full, "Vary")).isNull();

        HttpResponse<byte[]> byTag = http.get(url, "If-None-Match", "\"other\", " + etag);
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(header(byTag, "ETag")).isEqualTo(etag);

        HttpResponse<byte[]> byDate = http.get(url, "If-Modified-Since", header(full, "Last-Modified"));
        assertThat(byDate.statusCode()).isEqualTo(304);
        assertThat(http.get(url, "If-None-Match", "\"other\"", "If-Modified-Since", header(full, "Last-Modified"))
                .statusCode()).as("If-None-Match wins over If-Modified-Since").isEqualTo(200);
        assertThat(http.get(url, "If-Modified-Since", "Thu, 01 Jan 1998 00:00:00 GMT").statusCode()).isEqualTo(200);
        assertThat(http.get(url, "If-Modified-Since", "yesterday").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> head = http.head(url);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "Content-Length")).isEqualTo(Integer.toString(full.body().length));
        assertThat(header(head, "ETag")).isEqualTo(etag);
    }

    /** RFC 9110 §13.2.2: If-Match, else If-Unmodified-Since (412); then If-None-Match, else If-Modified-Since. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/any/picture/photos/dog.png?scalex=160", "/any/picture/photos/dog.png"})
    void ifMatchAndIfUnmodifiedSinceAre412AsTomcatsDefaultServletAnswers(String url) {
        HttpResponse<byte[]> full = http.get(url);
        String etag = header(full, "ETag");
        String date = header(full, "Last-Modified");
        String old = "Thu, 01 Jan 1998 00:00:00 GMT";
        Object[][] cases = {
                {200, new String[] {"If-Match", etag}},
                {200, new String[] {"If-Match", "\"other\", " + etag}},
                {200, new String[] {"If-Match", "*"}},
                {412, new String[] {"If-Match", "\"other\""}},
                {412, new String[] {"If-Match", "W/" + etag}},
                {200, new String[] {"If-Unmodified-Since", date}},
                {412, new String[] {"If-Unmodified-Since", old}},
                {200, new String[] {"If-Unmodified-Since", "yesterday"}},
                {200, new String[] {"If-Match", etag, "If-Unmodified-Since", old}},
                {412, new String[] {"If-Match", "\"other\"", "If-None-Match", etag}},
                {412, new String[] {"If-Unmodified-Since", old, "If-None-Match", etag}},
                {304, new String[] {"If-Match", etag, "If-None-Match", "W/" + etag}},
                {304, new String[] {"If-Unmodified-Since", date, "If-Modified-Since", date}},
        };
        for (Object[] c : cases) {
            String[] headers = (String[]) c[1];
            for (int attempt = 0; attempt < 2; attempt++) {
                HttpResponse<byte[]> response = http.get(url, headers);
                assertThat(response.statusCode()).as(Arrays.toString(headers)).isEqualTo(c[0]);
                if (response.statusCode() == 412) {
                    assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
                    assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("precondition");
                }
            }
        }
        HttpResponse<byte[]> head = http.send(http.request(url).header("If-Match", "\"other\"")
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(412);
    }

    @Test
    void automaticEncodingPicksWebpForClientsThatTakeItAndVariesOnAccept() {
        String url = "/any/picture/photos/cat.jpg?scalex=200&encoding=auto";
        HttpResponse<byte[]> chrome = http.get(url, "Accept", "image/avif,image/webp,image/apng,image/*,*/*;q=0.8");
        assertThat(header(chrome, "Content-Type")).isEqualTo("image/webp");
        assertThat(image(chrome).getWidth()).isEqualTo(200);
        assertThat(header(chrome, "Vary")).isEqualTo("Accept");
        HttpResponse<byte[]> old = http.get(url, "Accept", "image/png,image/*;q=0.8,*/*;q=0.5");
        assertThat(header(old, "Content-Type")).isEqualTo("image/jpeg");
        assertThat(header(old, "Vary")).isEqualTo("Accept");
        assertThat(header(http.get(url, "Accept", "image/webp;q=0"), "Content-Type")).isEqualTo("image/jpeg");
        assertThat(header(http.get("/any/picture/photos/cat.jpg?scalex=200&encoding=webp", "Accept", "image/png"),
                "Vary")).isNull();
    }

    @Test
    void fiftyConcurrentRequestsForANewVariantRunOneGeneration() {
        FilterStatistics statistics = statistics("/any", "imagefactory");
        long before = statistics.generated();
        List<CompletableFuture<HttpResponse<byte[]>>> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            requests.add(http.getAsync("/any/picture/photos/big.jpg?scalex=777"));
        }
        List<HttpResponse<byte[]>> responses = requests.stream().map(CompletableFuture::join).toList();
        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(responses).allSatisfy(r -> assertThat(r.body()).isEqualTo(responses.get(0).body()));
        assertThat(image(responses.get(0)).getWidth()).isEqualTo(777);
        assertThat(statistics.generated() - before).isEqualTo(1);
    }

    @Test
    void overloadAnswers503WithRetryAfterAndServesTheRest() {
        List<CompletableFuture<HttpResponse<byte[]>>> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            requests.add(http.getAsync("/busy/picture/photos/big.jpg?scalex=" + (500 + i)));
        }
        List<HttpResponse<byte[]>> responses = requests.stream().map(CompletableFuture::join).toList();
        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 503).contains(200, 503);
        assertThat(responses).filteredOn(r -> r.statusCode() == 503)
                .allSatisfy(r -> assertThat(header(r, "Retry-After")).isEqualTo("1"));
        assertThat(statistics("/busy", "imagefactory").overloaded()).isPositive();
        assertThat(http.get("/busy/picture/photos/cat.jpg?scalex=50").statusCode()).isEqualTo(200);
    }

    /**
     * {@code /slow} allows 100 ms a generation: its 49 MP GIF takes ImageIO over a second. One generation at a
     * time and a queue timeout of 100 ms: a slot still taken would turn the next request away.
     */
    @Test
    void aGenerationPastItsDeadlineIsAbandonedItsSlotFreedAndTheSourceRemembered() {
        FilterStatistics statistics = statistics("/slow", "imagefactory");
        long start = System.nanoTime();
        HttpResponse<byte[]> abandoned = http.get("/slow/picture/photos/slow.gif?scalex=100");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        String body = new String(abandoned.body(), StandardCharsets.UTF_8);
        assertThat(abandoned.statusCode()).as(body).isEqualTo(503);
        assertThat(header(abandoned, "Retry-After")).isEqualTo("60");
        assertThat(body).contains("photos/slow.gif", "not generated within 100 ms")
                .doesNotContain(sites.root.toString());
        assertThat(took).isLessThan(Duration.ofMillis(800));
        assertThat(statistics.abandoned()).isEqualTo(1);
        assertThat(image(http.get("/slow/picture/photos/tiny.png?scalex=16")).getWidth()).isEqualTo(16);

        long again = System.nanoTime();
        HttpResponse<byte[]> remembered = http.get("/slow/picture/photos/slow.gif?scalex=200");
        assertThat(remembered.statusCode()).isEqualTo(503);
        assertThat(header(remembered, "Retry-After")).isEqualTo("60");
        assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(Duration.ofMillis(500));
        assertThat(statistics.abandoned()).as("answered from memory, not tried again").isEqualTo(1);
    }

    /**
     * {@code /waiters} has one generation slot and a queue of {@link TestSites#WAITERS_QUEUE}: of the requests for
     * one new variant sent at once, one generates, the queue's worth wait for it, and the one past them is turned
     * away at once, before the generation ends, while a cache hit is answered as ever.
     */
    @Test
    void theWaiterPastTheQueueOnOneVariantIsTurnedAwayAtOnceAndCacheHitsStayFast() throws Exception {
        assertThat(image(http.get("/waiters/picture/photos/cat.jpg?scalex=90")).getWidth()).isEqualTo(90);
        List<CompletableFuture<HttpResponse<byte[]>>> requests = new ArrayList<>();
        for (int i = 0; i < TestSites.WAITERS_QUEUE + 2; i++) {
            requests.add(http.getAsync("/waiters/picture/photos/slow.gif?scalex=100"));
        }

        HttpResponse<?> first = (HttpResponse<?>) CompletableFuture.anyOf(requests.toArray(CompletableFuture[]::new))
                .get(60, TimeUnit.SECONDS);
        long start = System.nanoTime();
        HttpResponse<byte[]> hit = http.get("/waiters/picture/photos/cat.jpg?scalex=90");
        Duration hitTook = Duration.ofNanos(System.nanoTime() - start);
        List<HttpResponse<byte[]>> responses = requests.stream().map(CompletableFuture::join).toList();

        assertThat(first.statusCode()).as("the first answer is the refusal").isEqualTo(503);
        assertThat(header(first, "Retry-After")).isNotNull();
        assertThat(responses).extracting(HttpResponse::statusCode).containsOnlyOnce(503)
                .containsOnly(200, 503);
        assertThat(image(hit).getWidth()).isEqualTo(90);
        assertThat(hitTook).isLessThan(Duration.ofSeconds(1));
    }

    /** {@code /lowmemory} has two slots but room for one generation: the second waits its turn and succeeds. */
    @Test
    void generationsThatDoNotFitTheMemoryBudgetTogetherRunOneAfterTheOther() {
        FilterStatistics statistics = statistics("/lowmemory", "imagefactory");
        List<CompletableFuture<HttpResponse<byte[]>>> requests = List.of(
                http.getAsync("/lowmemory/picture/photos/big.jpg?scalex=3001"),
                http.getAsync("/lowmemory/picture/photos/big.jpg?scalex=3002"));

        List<HttpResponse<byte[]>> responses = requests.stream().map(CompletableFuture::join).toList();
        assertThat(image(responses.get(0)).getWidth()).isEqualTo(3001);
        assertThat(image(responses.get(1)).getWidth()).isEqualTo(3002);
        assertThat(statistics.queued()).isEqualTo(1);
    }

    /** The largest source the default pixel limit allows, at the top of the default ladder, with the defaults. */
    @Test
    void aFiftyMegapixelJpegIsGeneratedOnTheFirstTry() {
        TestImages.write(sites.pictures("any").resolve("photos/fifty.jpg"),
                TestImages.picture(10_000, 5_000, Color.GRAY, false), "jpeg");

        BufferedImage image = image(http.get("/any/picture/photos/fifty.jpg?scalex=3840"));
        assertThat(image.getWidth()).isEqualTo(3840);
        assertThat(image.getHeight()).isEqualTo(1920);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            broken.jpg | 422 | damaged
            empty.jpg  | 422 | empty
            notes.jpg  | 415 | not a JPEG
            bomb.png   | 422 | maxSourcePixels
            """)
    void badSourcesAreRefusedClearlyAndTheNextRequestIsServed(String file, int status, String reason) {
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<byte[]> refused = http.get("/any/picture/photos/" + file + "?scalex=100");
            String body = new String(refused.body(), StandardCharsets.UTF_8);
            assertThat(refused.statusCode()).as(body).isEqualTo(status);
            assertThat(body).contains("photos/" + file, reason).doesNotContain(sites.root.toString());
        }
        assertThat(sites.anyCache.resolve("photos/" + file)).doesNotExist();
        assertThat(image(http.get("/any/picture/photos/cat.jpg?scalex=101")).getWidth()).isEqualTo(101);
    }

    @Test
    void evictionKeepsTheCacheUnderItsCap() throws Exception {
        for (String expected : List.of("generated", "hit", "hit")) {
            assertThat(header(http.get("/small/picture/photos/cat.jpg?scalex=300"), "Server-Timing"))
                    .endsWith("cache;desc=" + expected);
        }
        for (int width = 300; width < 600; width += 25) {
            assertThat(http.get("/small/picture/photos/cat.jpg?scalex=" + width).statusCode()).isEqualTo(200);
            assertThat(folderBytes(sites.smallCache)).isLessThanOrEqualTo(TestSites.SMALL_CACHE_BYTES);
        }
        assertThat(sites.smallCache.resolve("photos/cat.jpg/x-575-y-800-cat.jpeg")).exists();
        assertThat(sites.smallCache.resolve("photos/cat.jpg/x-300-y-800-cat.jpeg")).doesNotExist();
        assertThat(header(http.get("/small/picture/photos/cat.jpg?scalex=300"), "Server-Timing"))
                .endsWith("cache;desc=generated");
    }

    @Test
    void repeatedRequestsNoticeASourceReplacedOnDisk() throws Exception {
        Path source = sites.pictures("any").resolve("photos/repeated.jpg");
        TestImages.write(source, TestImages.picture(400, 300, Color.RED, false), "jpeg");
        String url = "/any/picture/photos/repeated.jpg?scalex=100";
        for (String expected : List.of("generated", "hit", "hit", "hit")) {
            HttpResponse<byte[]> response = http.get(url);
            assertThat(header(response, "Server-Timing")).endsWith("cache;desc=" + expected);
            assertThat(TestImages.centre(image(response)) >> 16).isGreaterThan(150);
        }
        Path replacement = source.resolveSibling("replacement.tmp");
        TestImages.write(replacement, TestImages.picture(400, 300, Color.BLUE, false), "jpeg");
        Files.setLastModifiedTime(replacement, FileTime.from(Instant.now().plusSeconds(5)));
        Files.move(replacement, source, StandardCopyOption.REPLACE_EXISTING);
        HttpResponse<byte[]> after = http.get(url);
        assertThat(header(after, "Server-Timing")).endsWith("cache;desc=generated");
        assertThat(TestImages.centre(image(after)) & 0xff).isGreaterThan(150);
        assertThat(TestImages.centre(image(http.get(url))) & 0xff).isGreaterThan(150);
    }

    @Test
    void aDeletedCachedVariantIsRegeneratedEvenAfterRepeatedHits() throws Exception {
        String url = "/any/picture/photos/dog.png?scalex=130";
        HttpResponse<byte[]> first = http.get(url);
        http.get(url);
        http.get(url);
        Path cached;
        try (Stream<Path> variants = Files.list(sites.anyCache.resolve("photos/dog.png"))) {
            cached = variants.filter(file -> file.getFileName().toString().startsWith("x-130-")).findFirst()
                    .orElseThrow();
        }
        Files.delete(cached);
        HttpResponse<byte[]> again = http.get(url);
        assertThat(header(again, "Server-Timing")).endsWith("cache;desc=generated");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(cached).exists();
    }

    @Test
    void aLinkRepointedOutsideTheRootAfterRepeatedHitsIsNotFound() throws Exception {
        Path link = sites.pictures("any").resolve("photos/alias.jpg");
        Files.createSymbolicLink(link, link.resolveSibling("cat.jpg"));
        for (String url : List.of("/any/picture/photos/alias.jpg?scalex=90", "/any/picture/photos/alias.jpg")) {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThat(http.get(url).statusCode()).as(url).isEqualTo(200);
            }
        }
        Path outside = sites.root.resolve("outside.jpg");
        Files.copy(sites.pictures("any").resolve("photos/cat.jpg"), outside);
        Files.delete(link);
        Files.createSymbolicLink(link, outside);
        for (String url : List.of("/any/picture/photos/alias.jpg?scalex=90", "/any/picture/photos/alias.jpg")) {
            assertThat(http.get(url).statusCode()).as(url).isEqualTo(404);
        }
    }

    @Test
    void withTheDefaultCheckIntervalAReplacedSourceIsNoticedWithinASecond() throws Exception {
        Path source = sites.pictures("site").resolve("photos/interval.jpg");
        TestImages.write(source, TestImages.picture(800, 600, Color.RED, false), "jpeg");
        String url = "/site/picture/photos/interval.jpg?scalex=640";
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(TestImages.centre(image(http.get(url))) >> 16).isGreaterThan(150);
        }
        TestImages.write(source, TestImages.picture(800, 600, Color.BLUE, false), "jpeg");
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));
        HttpResponse<byte[]> meanwhile = http.get(url);
        assertThat(Long.parseLong(header(meanwhile, "Content-Length"))).isEqualTo(meanwhile.body().length);
        assertThat(image(meanwhile).getWidth()).isEqualTo(640);
        Thread.sleep(1100);
        HttpResponse<byte[]> after = http.get(url);
        assertThat(header(after, "Server-Timing")).endsWith("cache;desc=generated");
        assertThat(TestImages.centre(image(after)) & 0xff).isGreaterThan(150);
    }

    @Test
    void repeatedNegotiatedRequestsKeepEachClientsEncoding() {
        String url = "/any/picture/photos/cat.jpg?scalex=210&encoding=auto";
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResponse<byte[]> webp = http.get(url, "Accept", "image/webp,*/*");
            assertThat(header(webp, "Content-Type")).isEqualTo("image/webp");
            assertThat(header(webp, "Vary")).isEqualTo("Accept");
            assertThat(TestImages.read(webp.body()).getWidth()).isEqualTo(210);
            HttpResponse<byte[]> jpeg = http.get(url, "Accept", "image/png");
            assertThat(header(jpeg, "Content-Type")).isEqualTo("image/jpeg");
            assertThat(TestImages.read(jpeg.body()).getWidth()).isEqualTo(210);
        }
    }

    private static long folderBytes(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    @Test
    void aCacheFolderThatCannotBeWrittenStillServesGeneratedImages() {
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<byte[]> response = http.get("/nocache/picture/photos/cat.jpg?scalex=120");
            assertThat(image(response).getWidth()).isEqualTo(120);
            assertThat(header(response, "Server-Timing")).endsWith("cache;desc=generated");
        }
    }

    @Test
    void otherMethodsAreRefused() {
        HttpResponse<byte[]> response = http.send(http.request("/any/picture/photos/cat.jpg?scalex=100")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")).build());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(header(response, "Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void responsesForOneVariantAreTheSameBytesWhateverTheSpelling() {
        byte[] plain = http.get("/any/picture/photos/dog.png?scalex=210&scaley=9999").body();
        for (String spelling : Arrays.asList("scaley=9999&scalex=210", "scalex=209.5&scaley=99999",
                "scalex=210&scaley=9999&quality=10")) {
            assertThat(http.get("/any/picture/photos/dog.png?" + spelling).body()).as(spelling).isEqualTo(plain);
        }
    }

    /**
     * Two servers sharing a cache, each with its own copy of the pictures that differs only in date (each unpacked
     * the war): the second serves the first one's variant as it is, and both send the same tag for the same bytes
     * (original, cached and pre-generated), so a CDN in front of both revalidates with either.
     */
    @Test
    void serversSharingACacheAgreeOnTagsAndDoNotRegenerateForACopyDatedOtherwise() throws Exception {
        assumeTrue(TestSites.keepsUserAttributes(temp), "a cached variant records its source in a user attribute");
        String url = "/picture/photos/cat.jpg?scalex=150";
        HttpResponse<byte[]> first = http.get("/twin-a" + url);
        assertThat(header(first, "Server-Timing")).endsWith("cache;desc=generated");
        Path cached = sites.twinCache.resolve("photos/cat.jpg/x-150-y-800-cat.jpeg");
        Object written = Files.readAttributes(cached, BasicFileAttributes.class).fileKey();
        FileTime writtenAt = Files.getLastModifiedTime(cached);

        HttpResponse<byte[]> second = http.get("/twin-b" + url);

        assertThat(header(second, "Server-Timing")).isEqualTo("cache;desc=hit");
        assertThat(Files.readAttributes(cached, BasicFileAttributes.class).fileKey())
                .isEqualTo(written);
        assertThat(Files.getLastModifiedTime(cached)).isEqualTo(writtenAt);
        for (String target : List.of(url, "/picture/photos/cat.jpg", "/picture/photos/cat.jpg?scalex=320")) {
            HttpResponse<byte[]> a = http.get("/twin-a" + target);
            HttpResponse<byte[]> b = http.get("/twin-b" + target);
            assertThat(b.body()).as(target).isEqualTo(a.body());
            assertThat(header(b, "ETag")).as(target).isEqualTo(header(a, "ETag"));
            assertThat(http.get("/twin-b" + target, "If-None-Match", header(a, "ETag")).statusCode()).as(target)
                    .isEqualTo(304);
        }
        assertThat(header(http.get("/twin-b/picture/photos/cat.jpg?scalex=320"), "Server-Timing"))
                .isEqualTo("cache;desc=pregenerated");
        assertThat(header(second, "ETag")).as("the generated reply and the cached file")
                .isEqualTo(header(first, "ETag"));
    }

    /**
     * A cache whose disk fills up (here 1 MiB, five 180 kB BMPs) makes room by evicting the least recently served
     * variants and keeps caching, instead of serving every new variant uncached from then on.
     */
    @Test
    void aFullDiskEvictsTheLeastRecentlyServedVariantsAndCachingGoesOn() {
        assumeTrue(sites.tightCacheMounted, "needs a 1 MiB disk for the cache: a tmpfs, which only root may mount");
        for (int width = 300; width < 312; width++) {
            String url = "/tight/picture/photos/cat.jpg?encoding=bmp&scalex=" + width;
            assertThat(header(http.get(url), "Server-Timing")).as(url).endsWith("cache;desc=generated");
            assertThat(header(http.get(url), "Server-Timing")).as(url + " again").isEqualTo("cache;desc=hit");
        }
        assertThat(sites.tightCache.resolve("photos/cat.jpg/x-311-y-800-cat.bmp")).exists();
        assertThat(sites.tightCache.resolve("photos/cat.jpg/x-300-y-800-cat.bmp")).doesNotExist();
    }
}
