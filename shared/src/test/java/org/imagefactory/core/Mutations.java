package org.imagefactory.core;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded mutations of an image file for the fuzz tests: one to four edits of the kinds that break decoders (bit
 * flips, bytes, 0xFF and 0x00, cuts, repeated runs, inserted JPEG markers, 16-bit big-endian and 32-bit
 * little-endian lengths near their limits), half of them in the first 600 bytes, where headers, chunk and
 * segment lengths are.
 */
public final class Mutations {

    private static final int[] MARKERS = {0xD0, 0xD3, 0xD9, 0xC4, 0xDA, 0xDB, 0xDD, 0xC2};

    private Mutations() {
    }

    public static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] b = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextBoolean() ? random.nextInt(Math.min(b.length, 600)) : random.nextInt(b.length);
            switch (random.nextInt(8)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> b[at] = (byte) (random.nextBoolean() ? 0xFF : 0x00);
                case 3 -> b = Arrays.copyOf(b, Math.max(2, at));
                case 4 -> {
                    int length = Math.min(b.length - at, 1 + random.nextInt(64));
                    byte[] out = new byte[b.length + length];
                    System.arraycopy(b, 0, out, 0, at + length);
                    System.arraycopy(b, at, out, at + length, b.length - at);
                    b = out;
                }
                case 5 -> {
                    byte[] out = new byte[b.length + 2];
                    System.arraycopy(b, 0, out, 0, at);
                    out[at] = (byte) 0xFF;
                    out[at + 1] = (byte) MARKERS[random.nextInt(MARKERS.length)];
                    System.arraycopy(b, at, out, at + 2, b.length - at);
                    b = out;
                }
                case 6 -> {
                    if (at + 1 < b.length) {
                        int value = random.nextInt(4) == 0 ? 0xFFFF : random.nextInt(1 << 16);
                        b[at] = (byte) (value >> 8);
                        b[at + 1] = (byte) value;
                    }
                }
                default -> {
                    if (at + 4 <= b.length) {
                        int value = random.nextBoolean() ? random.nextInt() : 0x7FFF_FFF0 + random.nextInt(16);
                        for (int i = 0; i < 4; i++) {
                            b[at + i] = (byte) (value >>> (8 * i));
                        }
                    }
                }
            }
        }
        return b;
    }
}
