package org.imagefactory.core.internal.jpeg;

/** One colour component of a frame: its sampling, its blocks and where its decoded samples go at each scale. */
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
    /** Quantization table latched at the component's first scan, natural order. */
    int[] quant;
    /** The component's samples at each requested scale, in the order the scales were requested. */
    Plane[] planes;
    /**
     * Progressive only: AC coefficients kept until the last scan, 64 a block (the DC slot unused until the
     * transform), or none when {@code coefficientsPerBlock} is 1 because every scale wants DC alone.
     */
    short[] coefficients;
    int coefficientsPerBlock;
    /**
     * Progressive only: DC coefficients, one a block, apart from the AC ones so that a DC scan, which visits
     * every block, touches 2 bytes a block rather than a cache line.
     */
    short[] dc;
    /** Progressive only: per block, the zig-zag index of its last non-zero AC coefficient so far (0: none). */
    byte[] lastNonZero;
    /** Progressive only: per block, bit {@code n} set when natural position {@code n} may be non-zero. */
    long[] nonZero;
    int dcPredictor;
    boolean decoded;

    Component(int id, int h, int v, int quantTable) {
        this.id = id;
        this.h = h;
        this.v = v;
        this.quantTable = quantTable;
    }
}
