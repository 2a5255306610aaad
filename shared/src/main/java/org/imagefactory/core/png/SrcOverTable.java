package org.imagefactory.core.png;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * What the ImageIO path makes of a translucent 8-bit pixel: it draws the reader's image onto a transparent
 * {@code TYPE_INT_ARGB} one, and Java2D's source-over loop premultiplies and divides back with its own 8-bit
 * tables, so a colour behind a partial alpha can move by one. Those tables are Java2D's, so this one is read off
 * Java2D itself, once: every (alpha, channel) pair drawn the same way, which keeps the output identical on any
 * JDK. Channels blend independently, so one grey pixel per pair covers red, green and blue.
 */
final class SrcOverTable {

    /** Indexed by {@code alpha << 8 | channel}: the ARGB pixel a grey (channel, channel, channel, alpha) becomes. */
    private static final int[] TABLE = build();

    private SrcOverTable() {
    }

    /** The pixel a non-premultiplied (r, g, b, a) becomes; exact for a == 0 and a == 255 too. */
    static int blend(int r, int g, int b, int a) {
        int row = a << 8;
        return TABLE[row | r] & 0xFFFF0000 | TABLE[row | g] & 0xFF00 | TABLE[row | b] & 0xFF;
    }

    private static int[] build() {
        BufferedImage pairs = new BufferedImage(256, 256, BufferedImage.TYPE_4BYTE_ABGR);
        byte[] abgr = ((DataBufferByte) pairs.getRaster().getDataBuffer()).getData();
        for (int a = 0, i = 0; a < 256; a++) {
            for (int c = 0; c < 256; c++, i += 4) {
                abgr[i] = (byte) a;
                abgr[i + 1] = (byte) c;
                abgr[i + 2] = (byte) c;
                abgr[i + 3] = (byte) c;
            }
        }
        BufferedImage drawn = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = drawn.createGraphics();
        try {
            g.drawImage(pairs, 0, 0, null);
        } finally {
            g.dispose();
        }
        return ((DataBufferInt) drawn.getRaster().getDataBuffer()).getData();
    }
}
