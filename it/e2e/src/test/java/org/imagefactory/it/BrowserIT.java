package org.imagefactory.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.imagefactory.core.SourceInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

/**
 * Both pages in a real browser, at a phone's and a desktop's window width: every picture loads, is sharp for its
 * slot without being larger than the next ladder step, is upright, and the wider window gets the wider variants;
 * its caption says which file was served (pixels, format, bytes, cache state); no request fails and the console
 * stays clean. Screenshots go to {@code target/e2e/browser}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT {

    static final int PHONE = 412;
    static final int DESKTOP = 1440;
    static final int WINDOW_HEIGHT = 900;
    static final Pattern SERVED_CAPTION =
            Pattern.compile("served (\\d+) × (\\d+) (JPEG|WebP|PNG|GIF|BMP), (\\d+ K?B), (pregenerated|hit|generated)");

    final SampleSite site = SampleSite.built();
    RunnerProcess server;
    Path output;

    @BeforeAll
    void startTheSite() {
        output = E2eFiles.output("browser");
        server = RunnerProcess.start(null, null, output.resolve("runner.log"));
    }

    @AfterAll
    void stopTheSite() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theGalleryPicksASharpLadderVariantForEverySlot() {
        PageVisit phone = visit("index.html", PHONE);
        PageVisit desktop = visit("index.html", DESKTOP);
        for (PageVisit visit : List.of(phone, desktop)) {
            assertLoadedSharpAndClean(visit);
            assertThat(visit.pictures()).allSatisfy(picture -> assertThat(picture.currentSrc())
                    .as("Chromium takes the WebP <source>").contains("encoding=webp"));
        }
        assertWiderWindowGetsWiderVariants(phone, desktop);
    }

    @Test
    void theLazyPageAsksForTheSizeEachSlotNeeds() {
        PageVisit phone = visit("lazy.html", PHONE);
        PageVisit desktop = visit("lazy.html", DESKTOP);
        for (PageVisit visit : List.of(phone, desktop)) {
            assertLoadedSharpAndClean(visit);
            assertThat(visit.pictures()).allSatisfy(picture -> assertThat(picture.currentSrc())
                    .as("the script asks for the slot's width").contains("scalex=" + picture.neededWidth()));
        }
        assertWiderWindowGetsWiderVariants(phone, desktop);
    }

    /** Both grids of square cards: every card a 320 × 320 file the plugin made, the two gravities cropping apart. */
    @Test
    void theCardGridsShowEveryPhotoAsAPregeneratedSquare() {
        PageVisit visit = visit("cards.html", DESKTOP);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(visit.failedRequests()).as(visit + ": failed requests").isEmpty();
        softly.assertThat(visit.consoleErrors()).as(visit + ": console errors").isEmpty();
        softly.assertThat(visit.pictures()).as(visit + ": cards").hasSize(20);
        Map<String, byte[]> attention = new java.util.HashMap<>();
        int cropsThatDiffer = 0;
        for (PictureOnPage card : visit.pictures()) {
            int side = (int) Math.round(320 * card.devicePixelRatio());
            softly.assertThat(card.naturalWidth() + "x" + card.naturalHeight()).as(card.currentSrc())
                    .isEqualTo(side + "x" + side);
            softly.assertThat(card.served()).as(card.currentSrc()).isEqualTo("served 320 × 320 JPEG, "
                    + bytes(card) + ", pregenerated");
            byte[] file = Http.get(URI.create(card.currentSrc())).body();
            if (card.currentSrc().contains("gravity=attention")) {
                attention.put(card.path(), file);
            } else if (!java.util.Arrays.equals(file, attention.get(card.path()))) {
                cropsThatDiffer++;
            }
        }
        softly.assertThat(cropsThatDiffer).as("photos that attention crops elsewhere than the middle")
                .isGreaterThanOrEqualTo(5);
        softly.assertAll();
    }

    private static String bytes(PictureOnPage card) {
        int length = Http.get(URI.create(card.currentSrc())).body().length;
        return length < 1024 ? length + " B" : Math.round(length / 1024.0) + " KB";
    }

    private PageVisit visit(String page, int width) {
        Path folder = E2eFiles.output("browser/" + page.replace(".html", "") + "-" + width);
        ChromeDriver chrome = Chromium.open(width, WINDOW_HEIGHT, folder);
        try {
            URI url = server.resolve(page);
            chrome.get(url.toString());
            assertThat(((Number) chrome.executeScript("return window.innerWidth")).intValue())
                    .as("the viewport width of a %d px window", width).isEqualTo(width);
            scrollToTheBottom(chrome);
            waitForEveryPicture(chrome, url);
            waitForEveryCaption(chrome, url);
            List<PictureOnPage> pictures = PictureOnPage.collect(chrome);
            List<String> failedRequests = failedRequests(chrome);
            List<String> consoleErrors = chrome.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(entry -> entry.getMessage()).toList();
            chrome.executeScript("window.scrollTo(0, 0)");
            Path screenshot = folder.resolve(page.replace(".html", "") + "-" + width + ".png");
            Files.write(screenshot, chrome.getScreenshotAs(OutputType.BYTES));
            return new PageVisit(page, width, pictures, failedRequests, consoleErrors, screenshot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save a screenshot under " + folder, e);
        } finally {
            chrome.quit();
        }
    }

    /** Scrolls a screen at a time, as a reader does, so every lazy picture comes into view. */
    private static void scrollToTheBottom(ChromeDriver chrome) {
        for (int step = 0; step < 200; step++) {
            Boolean atBottom = (Boolean) chrome.executeScript(
                    "window.scrollBy(0, Math.round(window.innerHeight * 0.7));"
                            + "return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;");
            pause(150);
            if (Boolean.TRUE.equals(atBottom)) {
                return;
            }
        }
        throw new AssertionError("the page did not end after 200 screens of scrolling");
    }

    private static void waitForEveryPicture(ChromeDriver chrome, URI url) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        String pending = "";
        while (System.nanoTime() < deadline) {
            pending = (String) chrome.executeScript(
                    "return Array.from(document.images)"
                            + ".filter(img => !(img.currentSrc && img.complete && img.naturalWidth > 0))"
                            + ".map(img => img.alt + ' [' + (img.currentSrc || 'no source yet') + ']').join(', ');");
            if (pending.isEmpty()) {
                return;
            }
            pause(200);
        }
        throw new AssertionError("pictures on " + url + " not loaded after 60 s: " + pending);
    }

    private static void waitForEveryCaption(ChromeDriver chrome, URI url) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String pending = "";
        while (System.nanoTime() < deadline) {
            pending = (String) chrome.executeScript(
                    "return Array.from(document.querySelectorAll('figure'))"
                            + ".filter(f => !(f.querySelector('figcaption .served')?.textContent || '').startsWith('served '))"
                            + ".map(f => f.querySelector('img').alt).join(', ');");
            if (pending.isEmpty()) {
                return;
            }
            pause(100);
        }
        throw new AssertionError("captions on " + url + " that say nothing about the served file after 10 s: " + pending);
    }

    @SuppressWarnings("unchecked")
    private static List<String> failedRequests(ChromeDriver chrome) {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) chrome.executeScript(
                "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                        + ".map(e => ({name: e.name, status: e.responseStatus}));");
        return entries.stream()
                .filter(entry -> {
                    int status = ((Number) entry.get("status")).intValue();
                    return status != 200 && status != 304;
                })
                .map(entry -> entry.get("name") + " -> " + entry.get("status"))
                .toList();
    }

    private void assertLoadedSharpAndClean(PageVisit visit) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(visit.pictures()).as(visit + ": pictures on the page").hasSize(site.pictures().size());
        softly.assertThat(visit.failedRequests()).as(visit + ": failed requests").isEmpty();
        softly.assertThat(visit.consoleErrors()).as(visit + ": console errors").isEmpty();
        for (PictureOnPage picture : visit.pictures()) {
            SourceInfo source = site.picture(picture.path());
            int served = servedWidth(visit, picture);
            int needed = picture.neededWidth();
            String what = visit + " " + picture.path() + " in a " + picture.slotWidth() + " px slot at DPR "
                    + picture.devicePixelRatio() + " (" + picture.currentSrc() + ")";
            softly.assertThat(picture.complete() && picture.naturalWidth() > 0).as(what + " loaded").isTrue();
            softly.assertThat(served).as(what + ": served width, sharp for its slot")
                    .isGreaterThanOrEqualTo(Math.min(needed, source.width()))
                    .isLessThanOrEqualTo(Math.min(site.snapUp(needed), source.width()));
            double sourceAspect = (double) source.width() / source.height();
            softly.assertThat((double) picture.naturalWidth() / picture.naturalHeight()).as(what + ": upright, aspect kept")
                    .isCloseTo(sourceAspect, org.assertj.core.data.Percentage.withPercentage(2));
            assertCaptionTellsWhatWasServed(softly, what, picture, served);
        }
        softly.assertAll();
    }

    /** The caption names the file the browser got: its pixels, WebP (Chromium asks for it), its bytes, its cache state. */
    private void assertCaptionTellsWhatWasServed(SoftAssertions softly, String what, PictureOnPage picture, int served) {
        Matcher caption = SERVED_CAPTION.matcher(picture.served());
        softly.assertThat(caption.matches()).as(what + ": caption '" + picture.served() + "'").isTrue();
        if (!caption.matches()) {
            return;
        }
        byte[] file = Http.get(URI.create(picture.currentSrc()), "Accept", "image/webp,image/*,*/*;q=0.8").body();
        Dimension pixels = Images.size(file);
        softly.assertThat(caption.group(1) + " × " + caption.group(2)).as(what + ": caption's pixels")
                .isEqualTo(served + " × " + pixels.height);
        softly.assertThat(pixels.width).as(what + ": the file's width").isEqualTo(served);
        softly.assertThat(caption.group(3)).as(what + ": caption's format").isEqualTo("WebP");
        String bytes = file.length < 1024 ? file.length + " B" : Math.round(file.length / 1024.0) + " KB";
        softly.assertThat(caption.group(4)).as(what + ": caption's bytes (" + file.length + ")").isEqualTo(bytes);
        softly.assertThat(caption.group(5)).as(what + ": caption's cache state").isEqualTo("pregenerated");
    }

    /**
     * The width in pixels of the file the browser got. With {@code w} descriptors naturalWidth is divided by the
     * candidate's density, so on the gallery the width comes from the chosen ladder URL instead.
     */
    private int servedWidth(PageVisit visit, PictureOnPage picture) {
        return visit.page().equals("index.html")
                ? Math.min(picture.scalex(), site.picture(picture.path()).width())
                : picture.naturalWidth();
    }

    private void assertWiderWindowGetsWiderVariants(PageVisit narrow, PageVisit wide) {
        Map<String, PictureOnPage> narrowByPath = narrow.pictures().stream()
                .collect(Collectors.toMap(PictureOnPage::path, Function.identity()));
        int narrowTotal = 0;
        int wideTotal = 0;
        for (PictureOnPage picture : wide.pictures()) {
            int wideServed = servedWidth(wide, picture);
            int narrowServed = servedWidth(narrow, narrowByPath.get(picture.path()));
            assertThat(wideServed).as(picture.path() + " at " + wide.width() + " px vs " + narrow.width() + " px")
                    .isGreaterThanOrEqualTo(narrowServed);
            narrowTotal += narrowServed;
            wideTotal += wideServed;
        }
        assertThat(wideTotal).as("pixels across the page at " + wide.width() + " px vs " + narrow.width() + " px")
                .isGreaterThan(narrowTotal);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    record PageVisit(String page, int width, List<PictureOnPage> pictures, List<String> failedRequests,
                     List<String> consoleErrors, Path screenshot) {
        @Override
        public String toString() {
            return page + " at " + width + " px";
        }
    }
}
