package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imagefactory.core.Fixtures.alpha;
import static org.imagefactory.core.Fixtures.assertColor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.imagefactory.core.ImageFactoryException.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Variants of the formats other projects' test suites hold: a BMP with the 56-byte V3 header keeps its alpha, and
 * a damaged PNG or BMP header is refused naming the file and what is wrong with it, never in a reader's words.
 */
class FormatVariantsTest {

    @TempDir
    Path dir;

    @Test
    void bmpWithAV3HeaderKeepsItsAlpha() throws IOException {
        Path file = Files.write(dir.resolve("v3.bmp"), withHeaderSize(Files.readAllBytes(Fixtures.resource("alpha.bmp")), 56));

        Fixtures.Output output = Fixtures.render(file, "encoding=png");

        assertColor(output.image(), 8, 16, SourceFormatsTest.RED, 0);
        assertThat(alpha(output.image(), 8, 16)).isEqualTo(255);
        assertThat(alpha(output.image(), 56, 16)).as("alpha of the right half").isZero();
    }

    @Test
    void pngWithADamagedSignatureSaysSo() throws IOException {
        byte[] png = Files.readAllBytes(Fixtures.resource("interlaced.png"));
        png[6] = ' ';
        Path file = Files.write(dir.resolve("x.png"), png);

        assertRefusedWith(file, file + ": not a PNG file (the signature is damaged)");
    }

    @ParameterizedTest(name = "interlaced {0}")
    @ValueSource(booleans = {false, true})
    void pngWithAColourTypeThatDoesNotExistSaysSo(boolean interlaced) throws IOException {
        byte[] png = Files.readAllBytes(Fixtures.resource(interlaced ? "interlaced.png" : "rgb16.png"));
        png[8 + 8 + 9] = 1;
        Path file = Files.write(dir.resolve("colour-type.png"), png);

        assertRefusedWith(file, file + ": the PNG header is damaged (colour type 1 with "
                + (interlaced ? 8 : 16) + " bits per sample does not exist)");
    }

    @Test
    void pngWithoutImageDataSaysSo() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.writeBytes(Fixtures.pngChunk("IHDR", ByteBuffer.allocate(13).putInt(4).putInt(4).put((byte) 8)
                .put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 1).array()));
        png.writeBytes(Fixtures.pngChunk("IEND", new byte[0]));
        Path file = Files.write(dir.resolve("no-idat.png"), png.toByteArray());

        assertRefusedWith(file, file + ": the PNG has no image data (IDAT)");
    }

    @Test
    void bmpWithAHeaderSizeThatDoesNotExistSaysSo() throws IOException {
        byte[] bmp = Files.readAllBytes(Fixtures.resource("rgb24.bmp"));
        ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).putInt(14, 44);
        Path file = Files.write(dir.resolve("header.bmp"), bmp);

        assertRefusedWith(file, file + ": the BMP header is damaged (a header of 44 bytes does not exist)");
    }

    @Test
    void bmpWithABitCountThatDoesNotExistSaysSo() throws IOException {
        byte[] bmp = Files.readAllBytes(Fixtures.resource("rgb24.bmp"));
        ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).putShort(28, (short) 7);
        Path file = Files.write(dir.resolve("bits.bmp"), bmp);

        assertRefusedWith(file, file + ": the BMP header is damaged (7 bits per pixel do not exist)");
    }

    @Test
    void damageNoCheckNamesIsRefusedInOurWords() throws IOException {
        byte[] png = Files.readAllBytes(Fixtures.resource("interlaced.png"));
        int idat = new String(png, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("IDAT");
        for (int i = idat + 4; i < idat + 40; i++) {
            png[i] = (byte) 0xA5;
        }
        Path file = Files.write(dir.resolve("idat.png"), png);

        ImageFactoryException refused = Refusals.of(file);

        assertThat(refused.failure()).isEqualTo(Failure.CORRUPT_IMAGE);
        assertThat(refused.getMessage()).startsWith(file + ": the PNG image data is damaged")
                .doesNotContain("Caught exception", "Error", "!");
    }

    private static void assertRefusedWith(Path file, String message) {
        ImageFactoryException refused = Refusals.of(file);
        assertThat(refused.failure()).isEqualTo(Failure.CORRUPT_IMAGE);
        assertThat(refused.getMessage()).isEqualTo(message);
    }

    /** The BMP with its info header cut to {@code size} bytes (a V5 header's first 56 are the V3 header). */
    static byte[] withHeaderSize(byte[] bmp, int size) {
        int pixels = ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).getInt(10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bmp, 0, 14 + size);
        out.write(bmp, pixels, bmp.length - pixels);
        byte[] cut = out.toByteArray();
        ByteBuffer.wrap(cut).order(ByteOrder.LITTLE_ENDIAN).putInt(2, cut.length).putInt(10, 14 + size).putInt(14, size);
        return cut;
    }
}
