package org.imagefactory.core.internal.png;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import org.junit.jupiter.api.Test;

/** The table gives what Java2D's source-over gives for every (alpha, channel) pair, computed without Java2D. */
class SrcOverTableTest {

    @Test
    void everyAlphaAndChannelBlendsAsJava2dDrawsIt() {
        BufferedImage pairs = new BufferedImage(256, 256, BufferedImage.TYPE_4BYTE_ABGR);
        byte[] abgr = ((DataBufferByte) pairs.getRaster().getDataBuffer()).getData();
        for (int a = 0, i = 0; a < 256; a++) {
            for (int c = 0; c < 256; c++, i += 4) {
                abgr[i] = (byte) a;
                abgr[i + 1] = (byte) c;
                abgr[i + 2] = (byte) (255 - c);
                abgr[i + 3] = (byte) (c ^ 0x55);
            }
        }
        BufferedImage drawn = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = drawn.createGraphics();
        try {
            g.drawImage(pairs, 0, 0, null);
        } finally {
            g.dispose();
        }

        int differing = 0;
        for (int a = 0; a < 256; a++) {
            for (int c = 0; c < 256; c++) {
                int expected = drawn.getRGB(c, a);
                differing += SrcOverTable.blend(c ^ 0x55, 255 - c, c, a) == expected ? 0 : 1;
            }
        }
        assertThat(differing).as("pairs blended otherwise than Java2D").isZero();
    }
}
