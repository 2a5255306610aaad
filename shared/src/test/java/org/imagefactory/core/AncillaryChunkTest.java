package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imagefactory.core.Fixtures.assertColor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;

import javax.imageio.stream.ImageInputStream;

import org.imagefactory.core.internal.ReaderInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Metadata no reader may inflate or keep: a chunk that inflates to 1 GiB from 1 MB, a profile whose declared size
 * is 2 GB. Each file decodes to its pixels, allocating about what its pixels need, and the readers are shown the
 * file without such chunks (the JDK's PNG reader inflated a {@code zTXt} whole, an {@code OutOfMemoryError}).
 */
class AncillaryChunkTest {

    private static final long MAX_ALLOCATION = 64L << 20;
    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    /** A zlib stream of {@code size} zero bytes, made from one compressed MiB repeated: fast to build, tiny. */
    static byte[] zlibOfZeros(long size) {
        Deflater deflater = new Deflater(9, true);
        deflater.setInput(new byte[1 << 20]);
        byte[] block = new byte[1 << 16];
        // A full flush ends each MiB on a byte boundary with no reference back, so its bytes repeat exactly.
        int length = deflater.deflate(block, 0, block.length, Deflater.FULL_FLUSH);
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x78);
        out.write(0xDA);
        for (long i = 0; i < size >> 20; i++) {
            out.write(block, 0, length);
        }
        out.write(0x03);
        out.write(0x00);
        long adler = ((size % 65521) << 16) | 1;
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) adler).array());
        return out.toByteArray();
    }

    static byte[] withKeyword(String keyword, byte[] prefix, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
        out.writeBytes(prefix);
        out.writeBytes(data);
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zTXt", "iTXt"})
    void interlacedPngWithAGibibyteOfTextDecodesWithoutInflatingIt(String type) throws IOException {
        byte[] text = type.equals("zTXt")
                ? withKeyword("Comment", new byte[] {0}, zlibOfZeros(GIB))
                : withKeyword("Comment", new byte[] {1, 0, 0, 0}, zlibOfZeros(GIB));
        byte[] png = Fixtures.withPngChunk(Files.readAllBytes(Fixtures.resource("interlaced.png")), type, text);
        Path bomb = Files.write(dir.resolve("bomb.png"), png);
        assertThat(Files.size(bomb)).as("file size").isLessThan(2L << 20);

        Fixtures.Output output = renderCheaply(bomb, "scalex=32&encoding=png");

        assertThat(output.rendition().size()).isEqualTo(new VariantSpec.Size(32, 16));
        assertColor(output.image(), 4, 8, SourceFormatsTest.RED, 2);
        assertColor(output.image(), 28, 8, SourceFormatsTest.BLUE, 2);
    }

    @Test
    void readerIsShownThePngWithoutItsTextChunks() throws IOException {
        byte[] interlaced = Files.readAllBytes(Fixtures.resource("interlaced.png"));
        byte[] png = Fixtures.withPngChunk(interlaced, "tEXt", withKeyword("Title", new byte[0], "cat".getBytes()));
        png = Fixtures.withPngChunk(png, "zTXt", withKeyword("Comment", new byte[] {0}, zlibOfZeros(1 << 20)));
        png = Fixtures.withPngChunk(png, "prVt", new byte[100]);
        Path file = Files.write(dir.resolve("text.png"), png);

        String seen = new String(view(file, Encoding.PNG), StandardCharsets.ISO_8859_1);

        assertThat(seen).as("the chunks the reader sees")
                .contains("IHDR", "gAMA", "cHRM", "bKGD", "IDAT", "IEND")
                .doesNotContain("tEXt", "zTXt", "tIME", "prVt");
        assertThat(seen.getBytes(StandardCharsets.ISO_8859_1)).as("the fixture's view, which had tEXt and tIME")
                .isEqualTo(view(Fixtures.resource("interlaced.png"), Encoding.PNG));
    }

    private static byte[] view(Path file, Encoding format) throws IOException {
        try (ImageInputStream view = ReaderInput.open(file, format)) {
            byte[] seen = new byte[(int) view.length()];
            view.readFully(seen);
            assertThat(view.read()).as("end of the view").isEqualTo(-1);
            return seen;
        }
    }

    @Test
    void iccProfileInflatingPastTheLimitIsIgnored() throws IOException {
        byte[] interlaced = Files.readAllBytes(Fixtures.resource("interlaced.png"));
        byte[] iccp = withKeyword("ICC", new byte[] {0}, zlibOfZeros(64L << 20));
        Path file = Files.write(dir.resolve("huge-profile.png"), Fixtures.withPngChunk(interlaced, "iCCP", iccp));

        Fixtures.Output output = renderCheaply(file, "encoding=png");

        assertColor(output.image(), 8, 16, SourceFormatsTest.RED, 2);
    }

    @Test
    void webpShownWithoutExifAndXmpKeepsItsPixelsAndOrientation() throws IOException {
        byte[] webp = Files.readAllBytes(Fixtures.resource("lossy-alpha.webp"));
        byte[] exif = new byte[6 + 26];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
        System.arraycopy(Fixtures.exifTiff(6, true), 0, exif, 6, 26);
        byte[] withMetadata = appendRiffChunks(webp, riffChunk("EXIF", exif), riffChunk("XMP ", new byte[5000]));
        withMetadata[20] |= 0x08 | 0x04;
        Path file = Files.write(dir.resolve("metadata.webp"), withMetadata);

        Fixtures.Output output = Fixtures.render(file, "encoding=png");

        assertThat(output.rendition().size()).as("rotated by its EXIF orientation").isEqualTo(new VariantSpec.Size(32, 64));
        assertColor(output.image(), 16, 8, SourceFormatsTest.RED, 12);
        assertThat(Fixtures.alpha(output.image(), 16, 56)).isZero();
        byte[] seen = view(file, Encoding.WEBP);
        assertThat(seen).as("the view: the WebP without its metadata, flags as they were").isEqualTo(webp);
    }

    @Test
    void bmpWithAProfileDeclaredAtTwoGigabytesDecodes() throws IOException {
        byte[] bmp = Files.readAllBytes(Fixtures.resource("alpha.bmp"));
        ByteBuffer header = ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(14 + 56, 0x4D424544);
        header.putInt(14 + 112, 124);
        header.putInt(14 + 116, Integer.MAX_VALUE);
        Path file = Files.write(dir.resolve("profile.bmp"), bmp);

        Fixtures.Output output = renderCheaply(file, "encoding=png");

        assertColor(output.image(), 8, 16, SourceFormatsTest.RED, 2);
        assertThat(Fixtures.alpha(output.image(), 56, 16)).isZero();
    }

    static byte[] riffChunk(String fourcc, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(fourcc.getBytes(StandardCharsets.ISO_8859_1)).putInt(data.length).put(data);
        return chunk.array();
    }

    static byte[] appendRiffChunks(byte[] webp, byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(webp);
        for (byte[] chunk : chunks) {
            out.writeBytes(chunk);
        }
        byte[] result = out.toByteArray();
        ByteBuffer.wrap(result).order(ByteOrder.LITTLE_ENDIAN).putInt(4, result.length - 8);
        return result;
    }

    private static Fixtures.Output renderCheaply(Path file, String query) throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);

        Fixtures.Output output = Fixtures.render(file, query);

        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(allocated).as("bytes allocated to decode %s", file.getFileName()).isLessThan(MAX_ALLOCATION);
        return output;
    }
}
