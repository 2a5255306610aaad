package org.imagefactory.core.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import javax.imageio.stream.ImageInputStream;

/**
 * Where an animated WebP's first frame sits on its canvas, which ImageIO's readers do not say: TwelveMonkeys' hands
 * back the frame's own rectangle. Browsers show the frame at its offset with the rest of the canvas transparent,
 * and so does {@link #compose}. With source subsampling s the frame is read on the canvas's sampling grid (the
 * middle of every s × s block of the canvas), so the composed image has the pixels of a subsampled canvas.
 */
record FramePlacement(int canvasWidth, int canvasHeight, int left, int top, int width, int height) {

    private static final int ANIMATION_FLAG = 0x02;
    private static final int MAX_CHUNKS = 64;

    /**
     * The first frame's placement when it leaves part of the canvas uncovered, else null (a still image, or a frame
     * that covers the canvas, read as it always was). Leaves the stream anywhere.
     */
    static FramePlacement ofAnimatedWebp(ImageInputStream in) {
        try {
            in.seek(0);
            ByteBuffer header = read(in, 30);
            if (!fourcc(header, 12).equals("VP8X") || (header.get(20) & ANIMATION_FLAG) == 0) {
                return null;
            }
            int canvasWidth = u24(header, 24) + 1;
            int canvasHeight = u24(header, 27) + 1;
            long at = 20 + padded(header.getInt(16) & 0xFFFFFFFFL);
            for (int i = 0; i < MAX_CHUNKS; i++) {
                in.seek(at);
                ByteBuffer chunk = read(in, 8 + 12);
                if (fourcc(chunk, 0).equals("ANMF")) {
                    FramePlacement frame = new FramePlacement(canvasWidth, canvasHeight, 2 * u24(chunk, 8),
                            2 * u24(chunk, 11), u24(chunk, 14) + 1, u24(chunk, 17) + 1);
                    return frame.covers() ? null : frame;
                }
                at += 8 + padded(chunk.getInt(4) & 0xFFFFFFFFL);
            }
        } catch (IOException e) {
            // A container cut short before its first frame; the reader reports that.
        }
        return null;
    }

    private boolean covers() {
        return left == 0 && top == 0 && width >= canvasWidth && height >= canvasHeight;
    }

    /** The first frame column (or row) on the canvas's sampling grid, for the reader's subsampling offset. */
    int firstSampled(int origin, int subsampling) {
        int offset = (subsampling - 1) / 2;
        int k = origin <= offset ? 0 : (origin - offset + subsampling - 1) / subsampling;
        return offset + k * subsampling - origin;
    }

    /** The frame, read with {@link #firstSampled} offsets, on the transparent canvas sampled the same way. */
    BufferedImage compose(BufferedImage frame, int subsampling) {
        int offset = (subsampling - 1) / 2;
        int outWidth = Math.max(1, (canvasWidth - offset + subsampling - 1) / subsampling);
        int outHeight = Math.max(1, (canvasHeight - offset + subsampling - 1) / subsampling);
        BufferedImage canvas = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_ARGB);
        int x0 = (left + firstSampled(left, subsampling) - offset) / subsampling;
        int y0 = (top + firstSampled(top, subsampling) - offset) / subsampling;
        int w = Math.min(frame.getWidth(), outWidth - x0);
        int h = Math.min(frame.getHeight(), outHeight - y0);
        boolean sampled = firstSampled(left, subsampling) < width && firstSampled(top, subsampling) < height;
        if (sampled && w > 0 && h > 0) {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                frame.getRGB(0, y, w, 1, row, 0, w);
                canvas.setRGB(x0, y0 + y, w, 1, row, 0, w);
            }
        }
        return canvas;
    }

    private static ByteBuffer read(ImageInputStream in, int size) throws IOException {
        byte[] data = new byte[size];
        in.readFully(data);
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String fourcc(ByteBuffer data, int at) {
        return new String(data.array(), at, 4, StandardCharsets.ISO_8859_1);
    }

    private static int u24(ByteBuffer data, int at) {
        return (data.get(at) & 0xFF) | (data.get(at + 1) & 0xFF) << 8 | (data.get(at + 2) & 0xFF) << 16;
    }

    private static long padded(long size) {
        return size + (size & 1);
    }
}
