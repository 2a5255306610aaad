package org.imagefactory.core.internal;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.imagefactory.core.Encoding;
import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.ImageFactoryException.Failure;
import org.imagefactory.core.SourceInfo;
import org.imagefactory.core.internal.gif.GifDecoder;

/**
 * Reads a source's format, size, EXIF orientation and frame count from its header, without decoding pixels and
 * without trusting the file name. It reads a few kilobytes for most files and allocates nothing that grows with
 * the image, so a bomb is refused before any decoder sees it.
 */
public final class ImageProbe {

    private static final int MAX_SEGMENT_WALK = 1 << 16;

    private ImageProbe() {
    }

    /** Probes a file and refuses it when it is over {@code maxSourcePixels}. */
    public static SourceInfo probe(Path file, long maxSourcePixels) throws IOException {
        SourceInfo info = probe(file);
        if (info.pixels() > maxSourcePixels) {
            throw new ImageFactoryException(Failure.TOO_LARGE, file + ": " + info.storedWidth() + "x"
                    + info.storedHeight() + " is " + info.pixels() + " pixels; the limit is " + maxSourcePixels
                    + " (maxSourcePixels)");
        }
        return info;
    }

    /** Probes a file without a pixel limit. */
    public static SourceInfo probe(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 8192)) {
            return probe(new ByteReader(in), file);
        } catch (EOFException e) {
            throw corrupt(file, "the file is truncated");
        }
    }

    private static SourceInfo probe(ByteReader in, Path file) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            throw corrupt(file, "the file is empty");
        }
        int b1 = in.u8();
        SourceInfo info;
        if (b0 == 0xFF && b1 == 0xD8) {
            info = Jpeg.read(in, file);
        } else if (b0 == 0x89 && b1 == 'P' && in.u8() == 'N' && in.u8() == 'G') {
            info = Png.read(in, file);
        } else if (b0 == 'G' && b1 == 'I' && in.u8() == 'F') {
            info = Gif.read(in, file);
        } else if (b0 == 'B' && b1 == 'M') {
            info = Bmp.read(in, file);
        } else if (b0 == 'R' && b1 == 'I' && in.u8() == 'F' && in.u8() == 'F') {
            info = Webp.read(in, file);
        } else {
            throw new ImageFactoryException(Failure.UNSUPPORTED_FORMAT,
                    file + ": not a JPEG, PNG, GIF, BMP or WebP image");
        }
        if (info.storedWidth() <= 0 || info.storedHeight() <= 0) {
            throw corrupt(file, "the header gives a size of "
                    + info.storedWidth() + "x" + info.storedHeight());
        }
        return info;
    }

    public static ImageFactoryException corrupt(Path file, String why) {
        return new ImageFactoryException(Failure.CORRUPT_IMAGE, file + ": " + why);
    }

    private static final class Jpeg {
        static SourceInfo read(ByteReader in, Path file) throws IOException {
            int orientation = 1;
            boolean exifSeen = false;
            for (int segments = 0; segments < MAX_SEGMENT_WALK; segments++) {
                int marker = nextMarker(in);
                if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                    continue;
                }
                if (marker == 0xD9 || marker == 0xDA) {
                    throw corrupt(file, "JPEG has no frame header before its image data");
                }
                int length = in.u16be() - 2;
                if (length < 0) {
                    throw corrupt(file, "JPEG segment with a negative length");
                }
                boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
                if (sof) {
                    in.u8();
                    int height = in.u16be();
                    int width = in.u16be();
                    return new SourceInfo(Encoding.JPEG, width, height, orientation, 1);
                }
                if (marker == 0xE1 && length >= 14 && !exifSeen) {
                    // Only the "Exif" APP1 is read: Photoshop writes megabytes of extended XMP as APP1 too.
                    byte[] header = in.bytes(6);
                    if (header[0] == 'E' && header[1] == 'x' && header[2] == 'i' && header[3] == 'f'
                            && header[4] == 0) {
                        byte[] tiff = in.bytes(length - 6);
                        orientation = Exif.orientation(tiff, 0, tiff.length);
                        exifSeen = true;
                    } else {
                        in.skip(length - 6);
                    }
                } else {
                    in.skip(length);
                }
            }
            throw corrupt(file, "JPEG has too many segments before its frame header");
        }

        /**
         * The code of the next marker. Bytes before it that are not a marker (some Photoshop versions and EXIF
         * editors leave them between segments) and 0xFF fill are skipped, as libjpeg and browsers do: they are
         * outside every segment, so the pixels do not depend on them.
         */
        private static int nextMarker(ByteReader in) throws IOException {
            int b = in.u8();
            while (true) {
                while (b != 0xFF) {
                    b = in.u8();
                }
                while (b == 0xFF) {
                    b = in.u8();
                }
                if (b != 0) {
                    return b;
                }
                b = in.u8();
            }
        }
    }

    private static final class Png {
        static SourceInfo read(ByteReader in, Path file) throws IOException {
            in.skip(4);
            int width = 0;
            int height = 0;
            int orientation = 1;
            int frames = 1;
            for (int chunks = 0; chunks < MAX_SEGMENT_WALK; chunks++) {
                long length = in.u32be();
                int type = in.s32be();
                if (chunks == 0) {
                    if (type != chunk("IHDR") || length < 8) {
                        throw corrupt(file, "PNG does not start with an IHDR chunk");
                    }
                    width = in.s32be();
                    height = in.s32be();
                    in.skip(length - 8 + 4);
                } else if (type == chunk("eXIf") && length < (1 << 20)) {
                    byte[] exif = in.bytes((int) length);
                    orientation = Exif.orientation(exif, 0, exif.length);
                    in.skip(4);
                } else if (type == chunk("acTL") && length >= 8) {
                    frames = Math.max(1, in.s32be());
                    in.skip(length - 4 + 4);
                } else if (type == chunk("IDAT") || type == chunk("IEND")) {
                    break;
                } else {
                    in.skip(length + 4);
                }
            }
            return new SourceInfo(Encoding.PNG, width, height, orientation, frames);
        }

        private static int chunk(String name) {
            return name.charAt(0) << 24 | name.charAt(1) << 16 | name.charAt(2) << 8 | name.charAt(3);
        }
    }

    private static final class Gif {
        static SourceInfo read(ByteReader in, Path file) throws IOException {
            in.skip(3);
            int screenWidth = in.u16le();
            int screenHeight = in.u16le();
            int packed = in.u8();
            in.skip(2);
            if ((packed & 0x80) != 0) {
                in.skip(3L << ((packed & 7) + 1));
            }
            long[] canvas = {screenWidth, screenHeight};
            int frames = 0;
            while (true) {
                int block = in.read();
                // Past the first image, what is not a block ends the file as a trailer would: browsers show such
                // a GIF (an image followed by a second header, say), and only the first image is decoded.
                if (block == 0x3B || (frames > 0 && block != 0x2C && block != 0x21)) {
                    break;
                }
                if (block == 0x2C) {
                    int left = in.u16le();
                    int top = in.u16le();
                    int w = in.u16le();
                    int h = in.u16le();
                    if (frames == 0) {
                        canvas = GifDecoder.canvas(screenWidth, screenHeight, left, top, w, h);
                    }
                    int imagePacked = in.u8();
                    if ((imagePacked & 0x80) != 0) {
                        in.skip(3L << ((imagePacked & 7) + 1));
                    }
                    in.u8();
                    skipSubBlocks(in);
                    frames++;
                } else if (block == 0x21) {
                    in.u8();
                    skipSubBlocks(in);
                } else if (block < 0) {
                    throw new EOFException();
                } else {
                    throw corrupt(file, "GIF has an unknown block 0x" + Integer.toHexString(block)
                            + " before its first image");
                }
            }
            // The first frame is shown on the canvas, as browsers do; a frame smaller than it is not enlarged.
            return new SourceInfo(Encoding.GIF, (int) Math.min(canvas[0], Integer.MAX_VALUE),
                    (int) Math.min(canvas[1], Integer.MAX_VALUE), 1, frames);
        }

        private static void skipSubBlocks(ByteReader in) throws IOException {
            int size;
            while ((size = in.u8()) != 0) {
                in.skip(size);
            }
        }
    }

    private static final class Bmp {
        static SourceInfo read(ByteReader in, Path file) throws IOException {
            in.skip(12);
            long headerSize = in.u32le();
            if (headerSize == 12) {
                return new SourceInfo(Encoding.BMP, in.u16le(), in.u16le(), 1, 1);
            }
            if (headerSize < 16) {
                throw corrupt(file, "BMP has an unknown header size " + headerSize);
            }
            int width = in.s32le();
            int height = in.s32le();
            return new SourceInfo(Encoding.BMP, width, height == Integer.MIN_VALUE ? 0 : Math.abs(height), 1, 1);
        }
    }

    private static final class Webp {
        static SourceInfo read(ByteReader in, Path file) throws IOException {
            in.skip(4);
            if (in.s32be() != ('W' << 24 | 'E' << 16 | 'B' << 8 | 'P')) {
                throw new ImageFactoryException(Failure.UNSUPPORTED_FORMAT, file + ": a RIFF file that is not WebP");
            }
            int width = 0;
            int height = 0;
            int orientation = 1;
            int frames = 0;
            boolean extended = false;
            for (int chunks = 0; chunks < MAX_SEGMENT_WALK; chunks++) {
                int type = in.read() < 0 ? -1 : 0;
                if (type < 0) {
                    break;
                }
                in.unread();
                String fourcc = in.fourcc();
                long length = in.u32le();
                long padded = length + (length & 1);
                switch (fourcc) {
                    case "VP8X" -> {
                        extended = true;
                        in.skip(4);
                        width = in.u24le() + 1;
                        height = in.u24le() + 1;
                        in.skip(padded - 10);
                    }
                    case "VP8 " -> {
                        in.skip(3);
                        if (in.u8() != 0x9D || in.u8() != 0x01 || in.u8() != 0x2A) {
                            throw corrupt(file, "WebP VP8 frame has no start code");
                        }
                        int w = in.u16le() & 0x3FFF;
                        int h = in.u16le() & 0x3FFF;
                        if (!extended) {
                            width = w;
                            height = h;
                        }
                        frames = Math.max(frames, 1);
                        in.skip(padded - 10);
                    }
                    case "VP8L" -> {
                        if (in.u8() != 0x2F) {
                            throw corrupt(file, "WebP lossless frame has no signature");
                        }
                        long bits = in.u32le();
                        if (!extended) {
                            width = (int) (bits & 0x3FFF) + 1;
                            height = (int) ((bits >> 14) & 0x3FFF) + 1;
                        }
                        frames = Math.max(frames, 1);
                        in.skip(padded - 5);
                    }
                    case "ANMF" -> {
                        frames++;
                        in.skip(padded);
                    }
                    case "EXIF" -> {
                        if (length < (1 << 20)) {
                            byte[] exif = in.bytes((int) length);
                            int start = exif.length > 6 && exif[0] == 'E' && exif[1] == 'x' ? 6 : 0;
                            orientation = Exif.orientation(exif, start, exif.length - start);
                            in.skip(padded - length);
                        } else {
                            in.skip(padded);
                        }
                    }
                    default -> in.skip(padded);
                }
                if (!extended && frames > 0) {
                    break;
                }
            }
            return new SourceInfo(Encoding.WEBP, width, height, orientation, Math.max(frames, 1));
        }
    }

    /** The orientation tag (0x0112) of a TIFF-structured EXIF block; 1 when absent or unreadable. */
    static final class Exif {
        static int orientation(byte[] data, int start, int length) {
            if (length < 8) {
                return 1;
            }
            boolean little = data[start] == 'I' && data[start + 1] == 'I';
            boolean big = data[start] == 'M' && data[start + 1] == 'M';
            if (!little && !big) {
                return 1;
            }
            long ifd = read(data, start, length, 4, 4, little);
            if (ifd < 8 || ifd + 2 > length) {
                return 1;
            }
            int entries = (int) read(data, start, length, (int) ifd, 2, little);
            for (int i = 0; i < entries; i++) {
                int entry = (int) ifd + 2 + i * 12;
                if (entry + 12 > length) {
                    return 1;
                }
                if (read(data, start, length, entry, 2, little) == 0x0112) {
                    int value = (int) read(data, start, length, entry + 8, 2, little);
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
            return 1;
        }

        private static long read(byte[] data, int start, int length, int offset, int size, boolean little) {
            long value = 0;
            for (int i = 0; i < size; i++) {
                int b = data[start + offset + (little ? size - 1 - i : i)] & 0xFF;
                value = value << 8 | b;
            }
            return value;
        }
    }

    /** Just enough of a byte reader for headers: big- and little-endian integers and skipping. */
    private static final class ByteReader {
        private final InputStream in;
        private int pushedBack = -2;
        private int last;

        ByteReader(InputStream in) {
            this.in = in;
        }

        int read() throws IOException {
            if (pushedBack != -2) {
                int b = pushedBack;
                pushedBack = -2;
                return last = b;
            }
            return last = in.read();
        }

        void unread() {
            pushedBack = last;
        }

        int u8() throws IOException {
            int b = read();
            if (b < 0) {
                throw new EOFException();
            }
            return b;
        }

        int u16be() throws IOException {
            return u8() << 8 | u8();
        }

        int u16le() throws IOException {
            return u8() | u8() << 8;
        }

        int u24le() throws IOException {
            return u8() | u8() << 8 | u8() << 16;
        }

        int s32be() throws IOException {
            return u8() << 24 | u8() << 16 | u8() << 8 | u8();
        }

        long u32be() throws IOException {
            return s32be() & 0xFFFFFFFFL;
        }

        int s32le() throws IOException {
            return u8() | u8() << 8 | u8() << 16 | u8() << 24;
        }

        long u32le() throws IOException {
            return s32le() & 0xFFFFFFFFL;
        }

        String fourcc() throws IOException {
            return new String(new char[] {(char) u8(), (char) u8(), (char) u8(), (char) u8()});
        }

        byte[] bytes(int count) throws IOException {
            byte[] data = new byte[count];
            for (int i = 0; i < count; i++) {
                data[i] = (byte) u8();
            }
            return data;
        }

        void skip(long count) throws IOException {
            if (count < 0) {
                throw new EOFException();
            }
            if (pushedBack != -2 && count > 0) {
                pushedBack = -2;
                count--;
            }
            while (count > 0) {
                long skipped = in.skip(count);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException();
                    }
                    skipped = 1;
                }
                count -= skipped;
            }
        }
    }
}
