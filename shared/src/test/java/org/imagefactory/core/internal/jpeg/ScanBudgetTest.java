package org.imagefactory.core.internal.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;

import org.imagefactory.core.Fixtures;
import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.ImageFactoryException.Failure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JPEG with thousands of scans is refused in milliseconds whichever decoder would read it: ImageIO (CMYK, left
 * to it by our decoder) decodes the whole image again for every progressive scan and has no limit of its own.
 */
class ScanBudgetTest {

    /** Far under the 38 s ImageIO spends on the 20,000-scan file, far over the walk's few milliseconds. */
    private static final long BOUND_MILLIS = 2000;

    @TempDir
    static Path dir;

    @BeforeAll
    static void tools() {
        Libjpeg.require();
    }

    @Test
    void cmykProgressiveJpegWithTwentyThousandScansIsRefusedAtOnce() throws Exception {
        byte[] bomb = JpegSegments.of(CmykJpeg.progressive(256, 256)).withShortestScanRepeated(20_000);
        Path file = Files.write(dir.resolve("scans.jpg"), bomb);

        ImageFactoryException refusal = renderRefused(file);

        assertThat(refusal.failure()).isEqualTo(Failure.CORRUPT_IMAGE);
        assertThat(refusal.getMessage()).isEqualTo(file + ": the JPEG data is damaged (the file has more than 1000"
                + " scans)");
    }

    /** Under the scan limit, but its scans would each cost ImageIO a full pass over a megapixel. */
    @Test
    void cmykProgressiveJpegWithManyScansOfALargeImageIsRefusedAtOnce() throws Exception {
        byte[] bomb = JpegSegments.of(CmykJpeg.progressive(1024, 1024)).withShortestScanRepeated(300);
        Path file = Files.write(dir.resolve("work.jpg"), bomb);

        ImageFactoryException refusal = renderRefused(file);

        assertThat(refusal.failure()).isEqualTo(Failure.TOO_LARGE);
        assertThat(refusal.getMessage()).startsWith(file + ": the JPEG has more than 256 scans of its 1024x1024"
                + " pixels, more decoding work than we accept");
    }

    @Test
    void ycbcrProgressiveJpegWithTwentyThousandScansIsRefusedAtOnceByOurDecoder() throws Exception {
        byte[] clean = Libjpeg.cjpeg(Raster.testCard(256, 256, 3, 20), "-progressive");
        Path file = Files.write(dir.resolve("ycbcr-scans.jpg"), JpegSegments.of(clean).withShortestScanRepeated(20_000));

        assertThat(renderRefused(file).failure()).isEqualTo(Failure.CORRUPT_IMAGE);
    }

    /** The same files with the scans real encoders write are decoded: libjpeg's CMYK script has 20. */
    @Test
    void cmykProgressiveJpegOfALargeImageWithItsOwnScansIsDecoded() throws Exception {
        Path file = Files.write(dir.resolve("large.jpg"), CmykJpeg.progressive(1024, 1024));

        assertThat(Fixtures.render(file, "scalex=64&encoding=png").rendition().size().width()).isEqualTo(64);
    }

    private static ImageFactoryException renderRefused(Path file) {
        long start = System.nanoTime();
        ImageFactoryException refusal = catchThrowableOfType(
                () -> Fixtures.render(file, "scalex=64&encoding=png"), ImageFactoryException.class);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(refusal).as("a refusal of %s", file).isNotNull();
        assertThat(millis).as("milliseconds to refuse %s", file).isLessThan(BOUND_MILLIS);
        return refusal;
    }
}
