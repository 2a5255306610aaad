package org.imagefactory.core;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Animated WebP files made in tests: a VP8X canvas, an ANIM chunk and lossless frames placed where asked. */
final class AnimatedWebp {

    private AnimatedWebp() {
    }

    /** A one-frame animation (a second frame, all of {@code second}, when it is not null). */
    static byte[] of(int canvasWidth, int canvasHeight, int left, int top, BufferedImage frame, BufferedImage... more) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put((byte) 0x12).put(new byte[3]);
        put24(vp8x, canvasWidth - 1);
        put24(vp8x, canvasHeight - 1);
        body.writeBytes(AncillaryChunkTest.riffChunk("VP8X", vp8x.array()));
        body.writeBytes(AncillaryChunkTest.riffChunk("ANIM", new byte[6]));
        body.writeBytes(frame(left, top, frame));
        for (BufferedImage next : more) {
            body.writeBytes(frame(0, 0, next));
        }
        ByteBuffer riff = ByteBuffer.allocate(12 + body.size()).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes()).putInt(4 + body.size()).put("WEBP".getBytes()).put(body.toByteArray());
        return riff.array();
    }

    private static byte[] frame(int left, int top, BufferedImage image) {
        byte[] still = Fixtures.webp(image, "Lossless");
        byte[] bitstream = Arrays.copyOfRange(still, 12, still.length);
        ByteBuffer anmf = ByteBuffer.allocate(16 + bitstream.length).order(ByteOrder.LITTLE_ENDIAN);
        put24(anmf, left / 2);
        put24(anmf, top / 2);
        put24(anmf, image.getWidth() - 1);
        put24(anmf, image.getHeight() - 1);
        put24(anmf, 100);
        anmf.put((byte) 0);
        anmf.put(bitstream);
        return AncillaryChunkTest.riffChunk("ANMF", anmf.array());
    }

    private static void put24(ByteBuffer buffer, int value) {
        buffer.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
    }
}
