package org.imagefactory.it;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.JavascriptExecutor;

/**
 * One {@code <img>} as the browser laid it out and loaded it.
 *
 * @param path             the picture's path under {@code /picture/}, such as {@code landscapes/alpine-lake.jpg}
 * @param currentSrc       the URL the browser chose and loaded
 * @param slotWidth        the CSS width the page gives the picture
 * @param devicePixelRatio the window's device pixel ratio
 * @param served           what the page's caption says was served ({@code served 640 × 427 WebP, 14 KB, hit}),
 *                         empty when it says nothing
 */
record PictureOnPage(String path, String currentSrc, double slotWidth, double devicePixelRatio, boolean complete,
                     int naturalWidth, int naturalHeight, String served) {

    private static final Pattern PICTURE_URL = Pattern.compile("/picture/([^?]+)\\?(.*)");
    private static final Pattern SCALEX = Pattern.compile("(?:^|&)scalex=([0-9]+)");

    @SuppressWarnings("unchecked")
    static List<PictureOnPage> collect(JavascriptExecutor page) {
        List<Map<String, Object>> images = (List<Map<String, Object>>) page.executeScript(
                "return Array.from(document.images).map(img => ({src: img.currentSrc, width: img.getBoundingClientRect().width,"
                        + " dpr: window.devicePixelRatio, complete: img.complete, nw: img.naturalWidth, nh: img.naturalHeight,"
                        + " served: (img.closest('figure')?.querySelector('figcaption .served')?.textContent || '')}));");
        return images.stream().map(PictureOnPage::of).toList();
    }

    private static PictureOnPage of(Map<String, Object> image) {
        String src = (String) image.get("src");
        Matcher url = PICTURE_URL.matcher(src);
        if (!url.find()) {
            throw new AssertionError("an <img> loaded " + src + ", not a /picture/ URL");
        }
        return new PictureOnPage(URLDecoder.decode(url.group(1), StandardCharsets.UTF_8), src,
                ((Number) image.get("width")).doubleValue(), ((Number) image.get("dpr")).doubleValue(),
                (Boolean) image.get("complete"), ((Number) image.get("nw")).intValue(), ((Number) image.get("nh")).intValue(),
                (String) image.get("served"));
    }

    /** The width in device pixels the slot needs, as the page's script rounds it. */
    int neededWidth() {
        return Math.max(1, (int) Math.round(slotWidth * devicePixelRatio));
    }

    /** The {@code scalex} the browser asked for. */
    int scalex() {
        Matcher matcher = SCALEX.matcher(currentSrc.substring(currentSrc.indexOf('?') + 1));
        if (!matcher.find()) {
            throw new AssertionError(currentSrc + " asks for no scalex");
        }
        return Integer.parseInt(matcher.group(1));
    }
}
