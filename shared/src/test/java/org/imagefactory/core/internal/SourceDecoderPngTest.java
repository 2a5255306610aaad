package org.imagefactory.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.imagefactory.core.Encoding;
import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.ImageFactoryException.Failure;
import org.imagefactory.core.SourceInfo;
import org.imagefactory.core.internal.ImageProbe;
import org.imagefactory.core.internal.SourceDecoder;
import org.imagefactory.core.internal.png.PngDecoder;
import org.imagefactory.core.internal.png.PngWriter;
import org.imagefactory.core.internal.png.UnsupportedPngException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PNG decoder gives the pixels of the ImageIO path ({@code decodeWithImageIO}) bit for bit: every colour type
 * and bit depth, every filter, tRNS of each kind, short palettes, embedded profiles, odd sizes, several
 * subsampling factors; and damaged files fail on both paths with the same kind of error.
 */
class SourceDecoderPngTest {

    private static final int[] SUBSAMPLINGS = {1, 2, 3, 5};
    private static final int[][] SIZES = {{1, 1}, {1, 9}, {9, 1}, {7, 9}, {33, 17}, {64, 6}, {131, 4}};

    @TempDir
    Path dir;

    record Case(String name, int colourType, int bitDepth, byte[][] chunks, int[] palette) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        for (int depth : new int[] {1, 2, 4, 8, 16}) {
            cases.add(new Case("grey " + depth, 0, depth, null, null));
            int max = (1 << depth) - 1;
            cases.add(new Case("grey " + depth + " tRNS", 0, depth, trns(max / 2), null));
            if (depth < 8) {
                // ImageIO compares the tRNS grey with the sample scaled to 8 bits.
                cases.add(new Case("grey " + depth + " tRNS of a scaled value", 0, depth, trns(255), null));
            }
        }
        for (int depth : new int[] {8, 16}) {
            cases.add(new Case("RGB " + depth, 2, depth, null, null));
            cases.add(new Case("RGB " + depth + " tRNS", 2, depth, trns(1, 2, 1), null));
            cases.add(new Case("grey+alpha " + depth, 4, depth, null, null));
            cases.add(new Case("RGBA " + depth, 6, depth, null, null));
        }
        for (int depth : new int[] {1, 2, 4, 8}) {
            int full = 1 << depth;
            cases.add(new Case("palette " + depth, 3, depth, null, new int[] {full, -1}));
            cases.add(new Case("palette " + depth + " of one entry", 3, depth, null, new int[] {1, -1}));
            cases.add(new Case("palette " + depth + " of three entries", 3, depth, null, new int[] {3, -1}));
            cases.add(new Case("palette " + depth + " translucent tRNS", 3, depth, null, new int[] {full, full}));
            cases.add(new Case("palette " + depth + " short tRNS", 3, depth, null, new int[] {full, 1}));
            cases.add(new Case("palette " + depth + " of 3 entries, tRNS of 2", 3, depth, null, new int[] {3, 2}));
        }
        cases.add(new Case("palette 8 of 16 entries, tRNS all opaque", 3, 8, null, new int[] {16, 0}));
        cases.add(new Case("palette 8 of 20 entries", 3, 8, null, new int[] {20, 5}));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesEveryLayoutLikeImageIo(Case c) throws IOException {
        SplittableRandom random = new SplittableRandom(c.name().hashCode());
        for (int[] size : SIZES) {
            PngWriter writer = new PngWriter(size[0], size[1], c.colourType(), c.bitDepth());
            int sampleMax = (1 << c.bitDepth()) - 1;
            if (c.palette() != null) {
                writer.chunk("PLTE", randomBytes(random, 3 * c.palette()[0]));
                if (c.palette()[1] >= 0) {
                    byte[] alpha = randomBytes(random, c.palette()[1]);
                    if (c.palette()[1] == 0) {
                        alpha = new byte[] {(byte) 255, (byte) 255};
                    }
                    writer.chunk("tRNS", alpha);
                }
            }
            if (c.chunks() != null) {
                writer.chunk("tRNS", c.chunks()[0]);
            }
            int[] samples = samples(random, size[0] * size[1] * PngWriter.channels(c.colourType()), sampleMax);
            byte[] png = writer.write(samples, random);
            assertSameAsImageIo(png, c + " " + size[0] + "x" + size[1]);
            Path file = write(png);
            assertThatCode(() -> PngDecoder.decode(file, size[0], size[1], 2)).as("%s is not left to ImageIO", c)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void appliesAnEmbeddedProfileLikeImageIo() throws IOException {
        byte[] linear = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        SplittableRandom random = new SplittableRandom(7);
        for (int colourType : new int[] {2, 6}) {
            PngWriter writer = new PngWriter(23, 11, colourType, 8).iccp(linear);
            byte[] png = writer.write(samples(random, 23 * 11 * PngWriter.channels(colourType), 255), random);
            BufferedImage decoded = assertSameAsImageIo(png, "linear RGB profile, colour type " + colourType);
            BufferedImage untagged = SourceDecoder.decode(write(new PngWriter(23, 11, colourType, 8)
                    .write(samples(new SplittableRandom(7), 23 * 11 * PngWriter.channels(colourType), 255),
                            new SplittableRandom(8))), info(23, 11), 1);
            assertThat(decoded.getRGB(3, 3)).as("the profile changes the colours").isNotEqualTo(untagged.getRGB(3, 3));
        }
    }

    @Test
    void decodesWhatImageIoWritesLikeImageIo() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB,
            BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_BYTE_BINARY}) {
            BufferedImage image = new BufferedImage(101, 67, type);
            for (int y = 0; y < 67; y++) {
                for (int x = 0; x < 101; x++) {
                    image.setRGB(x, y, random.nextInt());
                }
            }
            Path file = dir.resolve("imageio-" + type + ".png");
            ImageIO.write(image, "png", file.toFile());
            assertSameAsImageIo(Files.readAllBytes(file), "ImageIO-written type " + type);
        }
    }

    @Test
    void leavesInterlacedFilesToImageIo() throws IOException {
        Path file = write(new PngWriter(4, 4, 2, 8).interlaced().write(new int[48], new SplittableRandom(1)));
        assertThatThrownBy(() -> PngDecoder.decode(file, 4, 4, 1)).isInstanceOf(UnsupportedPngException.class);
    }

    static Stream<Arguments> damaged() {
        byte[] good = new PngWriter(40, 30, 2, 8).write(samples(new SplittableRandom(3), 40 * 30 * 3, 255),
                new SplittableRandom(4));
        int iend = good.length - 12;
        byte[] badFilter = new PngWriter(4, 2, 0, 8).chunk("tEXt", new byte[] {'a', 0, 'b'})
                .write(new int[8], new SplittableRandom(5));
        return Stream.of(
                Arguments.of("cut in the image data", Arrays.copyOf(good, good.length / 2)),
                Arguments.of("without IEND", Arrays.copyOf(good, iend)),
                Arguments.of("image data cut short", imageDataCutShort()),
                Arguments.of("garbage image data", garbageImageData()),
                Arguments.of("unknown row filter", unknownFilter()),
                Arguments.of("no image data", noImageData(badFilter)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damaged")
    void refusesDamagedFilesLikeImageIo(String name, byte[] png) throws IOException {
        Path file = write(png);
        SourceInfo info = ImageProbe.probe(file);
        for (int subsampling : new int[] {1, 2}) {
            assertThatThrownBy(() -> SourceDecoder.decodeWithImageIO(file, info, subsampling))
                    .as("the ImageIO path refuses it").isInstanceOf(ImageFactoryException.class)
                    .extracting(e -> ((ImageFactoryException) e).failure()).isEqualTo(Failure.CORRUPT_IMAGE);
            assertThatThrownBy(() -> SourceDecoder.decode(file, info, subsampling))
                    .isInstanceOf(ImageFactoryException.class)
                    .hasMessageStartingWith(file + ": ")
                    .extracting(e -> ((ImageFactoryException) e).failure()).isEqualTo(Failure.CORRUPT_IMAGE);
        }
    }

    private static byte[] imageDataCutShort() {
        byte[] filtered = new byte[(1 + 12) * 10];
        return wrap(4, 10, Arrays.copyOf(PngWriter.deflate(Arrays.copyOf(filtered,
                filtered.length / 2)), 1000), true);
    }

    private static byte[] garbageImageData() {
        byte[] data = PngWriter.deflate(new byte[(1 + 12) * 10]);
        for (int i = 2; i < data.length; i++) {
            data[i] = (byte) (i * 37);
        }
        return wrap(4, 10, data, false);
    }

    private static byte[] unknownFilter() {
        byte[] filtered = new byte[(1 + 12) * 10];
        filtered[13 * 3] = 9;
        return wrap(4, 10, PngWriter.deflate(filtered), false);
    }

    private static byte[] noImageData(byte[] png) {
        byte[] ihdr = Arrays.copyOf(png, 8 + 25);
        return ByteBuffer.allocate(ihdr.length + 12).put(ihdr).put(PngWriter.chunkBytes("IEND", new byte[0]))
                .array();
    }

    /** An RGB PNG of {@code width} × {@code height} around {@code idat}, trimmed of trailing zeros if asked. */
    private static byte[] wrap(int width, int height, byte[] idat, boolean trim) {
        int length = idat.length;
        while (trim && length > 0 && idat[length - 1] == 0) {
            length--;
        }
        byte[] ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put(new byte[3]).array();
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        byte[] a = PngWriter.chunkBytes("IHDR", ihdr);
        byte[] b = PngWriter.chunkBytes("IDAT", Arrays.copyOf(idat, length));
        byte[] c = PngWriter.chunkBytes("IEND", new byte[0]);
        return ByteBuffer.allocate(head.length + a.length + b.length + c.length).put(head).put(a).put(b).put(c)
                .array();
    }

    private BufferedImage assertSameAsImageIo(byte[] png, String what) throws IOException {
        Path file = write(png);
        SourceInfo info = ImageProbe.probe(file);
        BufferedImage first = null;
        for (int subsampling : SUBSAMPLINGS) {
            if ((subsampling - 1) / 2 >= Math.min(info.storedWidth(), info.storedHeight())) {
                continue;
            }
            BufferedImage expected = SourceDecoder.decodeWithImageIO(file, info, subsampling);
            BufferedImage actual = SourceDecoder.decode(file, info, subsampling);
            String as = what + " at subsampling " + subsampling;
            assertThat(actual.getType()).as(as).isEqualTo(expected.getType());
            assertThat(actual.getWidth()).as(as).isEqualTo(expected.getWidth());
            assertThat(actual.getHeight()).as(as).isEqualTo(expected.getHeight());
            assertThat(argb(actual)).as(as).isEqualTo(argb(expected));
            first = first == null ? actual : first;
        }
        return first;
    }

    /** Pixels as getRGB sees them: INT_RGB's unused top byte reads as opaque on both sides. */
    private static int[] argb(BufferedImage image) {
        int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData().clone();
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            for (int i = 0; i < data.length; i++) {
                data[i] |= 0xFF000000;
            }
        }
        return data;
    }

    private Path write(byte[] png) throws IOException {
        return Files.write(Files.createTempFile(dir, "case", ".png"), png);
    }

    private static SourceInfo info(int width, int height) {
        return new SourceInfo(Encoding.PNG, width, height, 1, 1);
    }

    private static byte[][] trns(int... samples) {
        ByteBuffer data = ByteBuffer.allocate(2 * samples.length);
        for (int sample : samples) {
            data.putShort((short) sample);
        }
        return new byte[][] {data.array()};
    }

    private static byte[] randomBytes(SplittableRandom random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Mostly from a few values, so tRNS colours and out-of-range palette indices turn up often. */
    private static int[] samples(SplittableRandom random, int n, int max) {
        int[] samples = new int[n];
        for (int i = 0; i < n; i++) {
            samples[i] = random.nextInt(4) == 0 ? random.nextInt(max + 1) : random.nextInt(Math.min(3, max + 1));
        }
        return samples;
    }
}
