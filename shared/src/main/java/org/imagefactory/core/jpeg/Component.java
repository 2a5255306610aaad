package org.imagefactory.core.jpeg;

/** One colour component of a frame: its sampling, its blocks and where its decoded samples go. */
final class Component {

    final int id;
    final int h;
    final int v;
    final int quantTable;
    /** Blocks per row and column, padded to whole MCUs: what interleaved scans cover. */
    int blocksWide;
    int blocksHigh;
    /** Blocks a non-interleaved scan covers: just the component's own samples. */
    int ownBlocksWide;
    int ownBlocksHigh;
    /** Side of the square of samples each block becomes at the requested scale (8, 4, 2 or 1). */
    int blockSize;
    /** Samples of this component that belong to the image at the requested scale. */
    int scaledWidth;
    int scaledHeight;
    /** Quantization table latched at the component's first scan, natural order. */
    int[] quant;
    /** Decoded samples, {@code blocksWide * blockSize} per row. */
    byte[] samples;
    int stride;
    /** Progressive only: coefficients kept until the last scan, {@code coefficientsPerBlock} per block. */
    short[] coefficients;
    int coefficientsPerBlock;
    /** Progressive only: per block, the zig-zag index of its last non-zero AC coefficient so far (0: none). */
    byte[] lastNonZero;
    int dcPredictor;
    boolean decoded;

    Component(int id, int h, int v, int quantTable) {
        this.id = id;
        this.h = h;
        this.v = v;
        this.quantTable = quantTable;
    }
}
