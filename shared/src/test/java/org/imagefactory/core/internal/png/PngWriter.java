package org.imagefactory.core.internal.png;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes PNGs chunk by chunk from raw samples, so tests reach what ImageIO's writer never produces: every
 * colour type and bit depth, every row filter, tRNS of each kind, short palettes and image data split over many
 * IDAT chunks.
 */
public final class PngWriter {

    private final int width;
    private final int height;
    private final int colourType;
    private final int bitDepth;
    private final ByteArrayOutputStream extra = new ByteArrayOutputStream();
    private int interlace;

    public PngWriter(int width, int height, int colourType, int bitDepth) {
        this.width = width;
        this.height = height;
        this.colourType = colourType;
        this.bitDepth = bitDepth;
    }

    public static int channels(int colourType) {
        return switch (colourType) {
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 1;
        };
    }

    /** Adds a chunk before the image data (PLTE, tRNS, iCCP, ...), in call order. */
    public PngWriter chunk(String type, byte[] data) {
        extra.writeBytes(chunkBytes(type, data));
        return this;
    }

    /** Marks the header as Adam7-interlaced (the data itself stays as given). */
    public PngWriter interlaced() {
        interlace = 1;
        return this;
    }

    /** An iCCP chunk holding {@code profile}, compressed. */
    public PngWriter iccp(byte[] profile) {
        byte[] compressed = deflate(profile);
        byte[] keyword = "test profile".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer data = ByteBuffer.allocate(keyword.length + 2 + compressed.length);
        data.put(keyword).put((byte) 0).put((byte) 0).put(compressed);
        return chunk("iCCP", data.array());
    }

    /**
     * The PNG of {@code samples} (row-major, {@link #channels} per pixel, each within the bit depth), each row
     * filtered with a filter type picked by {@code random} and the compressed data cut into IDAT chunks of random
     * sizes, an empty one included.
     */
    public byte[] write(int[] samples, SplittableRandom random) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
        ihdr.put((byte) bitDepth).put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) interlace);
        png.writeBytes(chunkBytes("IHDR", ihdr.array()));
        png.writeBytes(extra.toByteArray());
        byte[] compressed = deflate(filtered(samples, random));
        int at = 0;
        png.writeBytes(chunkBytes("IDAT", new byte[0]));
        while (at < compressed.length) {
            int n = Math.min(compressed.length - at, 1 + random.nextInt(Math.max(1, compressed.length / 3 + 1)));
            png.writeBytes(chunkBytes("IDAT", java.util.Arrays.copyOfRange(compressed, at, at + n)));
            at += n;
        }
        png.writeBytes(chunkBytes("IEND", new byte[0]));
        return png.toByteArray();
    }

    private byte[] filtered(int[] samples, SplittableRandom random) {
        int channels = channels(colourType);
        int bpp = Math.max(1, channels * bitDepth / 8);
        int rowBytes = (width * channels * bitDepth + 7) / 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] prior = new byte[rowBytes];
        for (int y = 0; y < height; y++) {
            byte[] raw = new byte[rowBytes];
            for (int x = 0; x < width * channels; x++) {
                int sample = samples[y * width * channels + x];
                if (bitDepth == 16) {
                    raw[2 * x] = (byte) (sample >> 8);
                    raw[2 * x + 1] = (byte) sample;
                } else {
                    int bit = x * bitDepth;
                    raw[bit >> 3] |= (byte) (sample << (8 - bitDepth - (bit & 7)));
                }
            }
            int filter = random.nextInt(5);
            out.write(filter);
            for (int i = 0; i < rowBytes; i++) {
                int a = i >= bpp ? raw[i - bpp] & 0xFF : 0;
                int b = prior[i] & 0xFF;
                int c = i >= bpp ? prior[i - bpp] & 0xFF : 0;
                int predictor = switch (filter) {
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) >> 1;
                    case 4 -> paeth(a, b, c);
                    default -> 0;
                };
                out.write((raw[i] - predictor) & 0xFF);
            }
            prior = raw;
        }
        return out.toByteArray();
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    public static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    public static byte[] chunkBytes(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }
}
