package org.imagefactory.core.internal.jpeg;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Walks a JPEG's markers, decodes its scans at one or more reduced sizes and hands the samples to
 * {@link ColorConverter}. One instance decodes one file once: its entropy-coded data is read a single time
 * whatever the number of scales. Everything that does not fit what it does well is refused with
 * {@link UnsupportedJpegException} before any pixel work, so the caller can fall back cheaply.
 */
final class FrameDecoder {

    private final byte[] data;
    private final int end;
    private final int[] scales;
    private final long maxPixels;
    private final long maxBytes;

    private final int[][] quantTables = new int[4][];
    private final HuffmanTable[] dcTables = new HuffmanTable[4];
    private final HuffmanTable[] acTables = new HuffmanTable[4];
    private final byte[][] iccChunks = new byte[256][];
    private final ScaledIdct idct = new ScaledIdct();
    private int restartInterval;
    private int adobeTransform = -1;
    private boolean jfif;

    private Component[] components;
    private int width;
    private int height;
    private boolean progressive;
    private int maxH;
    private int maxV;
    private int mcusWide;
    private int mcusHigh;
    /** Progressive only: for each component and zig-zag index, the lowest bit decoded so far, -1 before any. */
    private int[][] coefficientBits;
    private int scans;

    /**
     * @param scales    each 1, 2, 4 or 8, distinct: an output for each, the image's size divided by it, rounded up
     * @param maxPixels frames with more pixels are refused before anything is allocated
     * @param maxBytes  bound on the sample, coefficient and output memory the whole decode may hold
     */
    FrameDecoder(byte[] data, int length, int[] scales, long maxPixels, long maxBytes) {
        this.data = data;
        this.end = length;
        this.scales = scales.clone();
        this.maxPixels = maxPixels;
        this.maxBytes = maxBytes;
    }

    private int outputWidth(int scale) {
        return (width + scale - 1) / scale;
    }

    private int outputHeight(int scale) {
        return (height + scale - 1) / scale;
    }

    boolean isGray() {
        return components.length == 1;
    }

    /** The embedded ICC profile, or null when the file has none or its chunks are incomplete. */
    byte[] iccProfile() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = 0;
        for (int i = 1; i < iccChunks.length && iccChunks[i] != null; i++) {
            out.writeBytes(iccChunks[i]);
            count++;
        }
        for (int i = count + 1; i < iccChunks.length; i++) {
            if (iccChunks[i] != null) {
                return null;
            }
        }
        return count == 0 ? null : out.toByteArray();
    }

    /** Decodes the whole file into one {@code TYPE_INT_RGB} image per scale, in the order of the scales. */
    BufferedImage[] decode() throws CorruptJpegException, UnsupportedJpegException, TooLargeException {
        if (end < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
            throw new CorruptJpegException("the file does not start with a JPEG start-of-image marker");
        }
        int pos = 2;
        while (true) {
            if (pos >= end) {
                throw new CorruptJpegException("the file ends without an end-of-image marker (truncated file?)");
            }
            if ((data[pos] & 0xFF) != 0xFF) {
                pos = EntropyReader.nextMarker(data, pos, end);
            }
            while (pos < end && (data[pos] & 0xFF) == 0xFF) {
                pos++;
            }
            if (pos >= end) {
                throw new CorruptJpegException("the file ends inside a marker (truncated file?)");
            }
            int marker = data[pos++] & 0xFF;
            if (marker == 0xD9) {
                return finish();
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                continue;
            }
            if (pos + 2 > end) {
                throw new CorruptJpegException("the file ends inside a segment header (truncated file?)");
            }
            int length = u16(pos);
            if (length < 2 || pos + length > end) {
                throw new CorruptJpegException("segment 0x" + Integer.toHexString(marker) + " claims " + length
                        + " bytes but " + (end - pos) + " remain (truncated file?)");
            }
            int body = pos + 2;
            int next = pos + length;
            switch (marker) {
                case 0xC0, 0xC1, 0xC2 -> frame(marker == 0xC2, body, next);
                case 0xC4 -> huffmanTables(body, next);
                case 0xDB -> quantTables(body, next);
                case 0xDD -> restartInterval(body, next);
                case 0xDA -> next = scan(body, next);
                case 0xE0 -> jfif |= startsWith(body, next, "JFIF\0");
                case 0xE2 -> iccChunk(body, next);
                case 0xEE -> adobe(body, next);
                case 0xC3, 0xC5, 0xC6, 0xC7, 0xCB, 0xCD, 0xCE, 0xCF, 0xDE, 0xDF ->
                        throw new UnsupportedJpegException("lossless or hierarchical JPEG (marker 0x"
                                + Integer.toHexString(marker) + ")");
                case 0xC9, 0xCA, 0xCC -> throw new UnsupportedJpegException("arithmetic-coded JPEG");
                default -> {
                    // APPn, COM and the rest carry nothing the pixels depend on.
                }
            }
            pos = next;
        }
    }

    private int u16(int p) {
        return (data[p] & 0xFF) << 8 | (data[p + 1] & 0xFF);
    }

    private int u8(int p) {
        return data[p] & 0xFF;
    }

    private static int require(int body, int next, int bytes) throws CorruptJpegException {
        if (next - body < bytes) {
            throw new CorruptJpegException("a segment is shorter than its content");
        }
        return bytes;
    }

    private boolean startsWith(int body, int next, String tag) {
        if (next - body < tag.length()) {
            return false;
        }
        for (int i = 0; i < tag.length(); i++) {
            if (data[body + i] != (byte) tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void restartInterval(int body, int next) throws CorruptJpegException {
        require(body, next, 2);
        restartInterval = u16(body);
    }

    private void iccChunk(int body, int next) {
        if (startsWith(body, next, "ICC_PROFILE\0") && next - body >= 14) {
            int sequence = u8(body + 12);
            if (sequence > 0) {
                byte[] chunk = new byte[next - body - 14];
                System.arraycopy(data, body + 14, chunk, 0, chunk.length);
                iccChunks[sequence] = chunk;
            }
        }
    }

    private void adobe(int body, int next) {
        if (startsWith(body, next, "Adobe") && next - body >= 12) {
            adobeTransform = u8(body + 11);
        }
    }

    private void frame(boolean isProgressive, int body, int next)
            throws CorruptJpegException, UnsupportedJpegException, TooLargeException {
        if (components != null) {
            throw new CorruptJpegException("the file has two frame headers");
        }
        require(body, next, 6);
        int precision = u8(body);
        if (precision != 8) {
            throw new UnsupportedJpegException(precision + "-bit samples");
        }
        height = u16(body + 1);
        width = u16(body + 3);
        int count = u8(body + 5);
        if (height == 0) {
            throw new UnsupportedJpegException("height given by a DNL marker");
        }
        if (width == 0) {
            throw new CorruptJpegException("the frame header gives a width of 0");
        }
        if (count != 1 && count != 3) {
            throw new UnsupportedJpegException(count + " colour components");
        }
        if (next - body != 6 + 3 * count) {
            throw new CorruptJpegException("the frame header has a wrong length");
        }
        if ((long) width * height > maxPixels) {
            throw new TooLargeException(width + "x" + height + " is " + (long) width * height
                    + " pixels; the limit is " + maxPixels);
        }
        progressive = isProgressive;
        components = new Component[count];
        for (int i = 0; i < count; i++) {
            int p = body + 6 + 3 * i;
            int sampling = u8(p + 1);
            int h = sampling >> 4;
            int v = sampling & 15;
            int table = u8(p + 2);
            if (h < 1 || h > 4 || v < 1 || v > 4 || table > 3) {
                throw new CorruptJpegException("component " + i + " has sampling " + h + "x" + v
                        + " and quantization table " + table);
            }
            components[i] = new Component(u8(p), h, v, table);
            maxH = Math.max(maxH, h);
            maxV = Math.max(maxV, v);
        }
        layOut();
    }

    /**
     * Sizes each component's blocks and its samples at every scale, and refuses the decode when all it holds at
     * once (outputs, samples, progressive coefficients) is over the memory bound.
     */
    private void layOut() throws UnsupportedJpegException, TooLargeException {
        mcusWide = ceilDiv(width, 8 * maxH);
        mcusHigh = ceilDiv(height, 8 * maxV);
        long outputs = 0;
        long[] samplesPerScale = new long[scales.length];
        long coefficients = 0;
        for (Component c : components) {
            c.blocksWide = components.length == 1 ? ceilDiv(width, 8) : mcusWide * c.h;
            c.blocksHigh = components.length == 1 ? ceilDiv(height, 8) : mcusHigh * c.v;
            c.ownBlocksWide = ceilDiv(ceilDiv(width * c.h, maxH), 8);
            c.ownBlocksHigh = ceilDiv(ceilDiv(height * c.v, maxV), 8);
            c.planes = new Plane[scales.length];
            boolean dcOnly = true;
            for (int k = 0; k < scales.length; k++) {
                c.planes[k] = plane(c, 8 / scales[k]);
                samplesPerScale[k] += (long) c.planes[k].stride * c.blocksHigh * c.planes[k].blockSize;
                dcOnly &= c.planes[k].blockSize == 1;
            }
            if (progressive) {
                c.coefficientsPerBlock = dcOnly ? 1 : 64;
                // Two bytes a coefficient, and for full blocks the last non-zero index and the non-zero mask.
                coefficients += (long) c.blocksWide * c.blocksHigh * (dcOnly ? 2 : 2 + 64 * 2 + 1 + 8);
            }
        }
        long samples = 0;
        for (int k = 0; k < scales.length; k++) {
            outputs += 4L * outputWidth(scales[k]) * outputHeight(scales[k]);
            // A baseline scan fills every scale's samples at once; coefficients are transformed one scale at a time.
            samples = progressive ? Math.max(samples, samplesPerScale[k]) : samples + samplesPerScale[k];
        }
        long bytes = outputs + samples + coefficients;
        if (bytes > maxBytes) {
            throw new TooLargeException("decoding it at " + describeScales() + " needs " + bytes / (1 << 20)
                    + " MiB; the limit is " + maxBytes / (1 << 20) + " MiB");
        }
        for (Component c : components) {
            if (progressive) {
                c.dc = new short[c.blocksWide * c.blocksHigh];
                c.coefficients = c.coefficientsPerBlock == 1 ? null : new short[c.blocksWide * c.blocksHigh * 64];
                c.lastNonZero = c.coefficientsPerBlock == 1 ? null : new byte[c.blocksWide * c.blocksHigh];
                c.nonZero = c.coefficientsPerBlock == 1 ? null : new long[c.blocksWide * c.blocksHigh];
            } else {
                for (Plane p : c.planes) {
                    allocate(c, p);
                }
            }
        }
        if (progressive) {
            coefficientBits = new int[components.length][64];
            for (int[] bits : coefficientBits) {
                Arrays.fill(bits, -1);
            }
        }
    }

    /**
     * Sizes a component's samples at the scale whose smallest blocks are {@code minBlockSize}. A chroma component
     * is transformed at a larger block size where that saves upsampling it later (as libjpeg does), so at 1/2
     * scale 4:2:0 chroma comes out of a full 8×8 transform, already at the luma grid.
     */
    private Plane plane(Component c, int minBlockSize) throws UnsupportedJpegException {
        int size = minBlockSize;
        while (size < 8 && (maxH * minBlockSize) % (c.h * size * 2) == 0
                && (maxV * minBlockSize) % (c.v * size * 2) == 0) {
            size *= 2;
        }
        int inH = c.h * size / minBlockSize;
        int inV = c.v * size / minBlockSize;
        if (maxH % inH != 0 || maxV % inV != 0) {
            throw new UnsupportedJpegException("fractional sampling factors");
        }
        return new Plane(size, (int) ceilDiv((long) width * c.h * size, (long) maxH * 8),
                (int) ceilDiv((long) height * c.v * size, (long) maxV * 8), c.blocksWide * size);
    }

    private static void allocate(Component c, Plane p) {
        p.samples = new byte[p.stride * c.blocksHigh * p.blockSize];
    }

    private String describeScales() {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < scales.length; k++) {
            text.append(k == 0 ? "" : k == scales.length - 1 ? " and " : ", ").append("1/").append(scales[k]);
        }
        return text.toString();
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private void huffmanTables(int body, int next) throws CorruptJpegException {
        int p = body;
        while (p < next) {
            require(p, next, 17);
            int kind = u8(p) >> 4;
            int slot = u8(p) & 15;
            if (kind > 1 || slot > 3) {
                throw new CorruptJpegException("a Huffman table has class " + kind + " and slot " + slot);
            }
            int[] counts = new int[17];
            int total = 0;
            for (int i = 1; i <= 16; i++) {
                counts[i] = u8(p + i);
                total += counts[i];
            }
            p += 17;
            if (total > 256 || p + total > next) {
                throw new CorruptJpegException("a Huffman table lists more symbols than its segment holds");
            }
            int[] values = new int[total];
            for (int i = 0; i < total; i++) {
                values[i] = u8(p + i);
            }
            p += total;
            HuffmanTable table = new HuffmanTable(counts, values);
            if (kind == 0) {
                dcTables[slot] = table;
            } else {
                acTables[slot] = table;
            }
        }
    }

    private void quantTables(int body, int next) throws CorruptJpegException {
        int p = body;
        while (p < next) {
            int precision = u8(p) >> 4;
            int slot = u8(p) & 15;
            if (precision > 1 || slot > 3) {
                throw new CorruptJpegException("a quantization table has precision " + precision + " and slot "
                        + slot);
            }
            p++;
            require(p, next, 64 << precision);
            int[] table = new int[64];
            for (int k = 0; k < 64; k++) {
                table[ScanDecoder.ZIGZAG[k]] = precision == 0 ? u8(p + k) : u16(p + 2 * k);
            }
            p += 64 << precision;
            quantTables[slot] = table;
        }
    }

    private int scan(int body, int next) throws CorruptJpegException {
        if (components == null) {
            throw new CorruptJpegException("image data comes before the frame header");
        }
        if (++scans > ScanBudget.MAX_SCANS) {
            throw new CorruptJpegException("the file has more than " + ScanBudget.MAX_SCANS + " scans");
        }
        require(body, next, 1);
        int count = u8(body);
        if (count < 1 || count > components.length || next - body != 4 + 2 * count) {
            throw new CorruptJpegException("a scan header names " + count + " components in " + (next - body)
                    + " bytes");
        }
        Component[] scanned = new Component[count];
        int[] indices = new int[count];
        HuffmanTable[] dc = new HuffmanTable[count];
        HuffmanTable[] ac = new HuffmanTable[count];
        int p = body + 1 + 2 * count;
        int start = u8(p);
        int stop = u8(p + 1);
        int high = u8(p + 2) >> 4;
        int low = u8(p + 2) & 15;
        if (progressive) {
            checkProgression(count, start, stop, high, low);
        }
        for (int i = 0; i < count; i++) {
            int id = u8(body + 1 + 2 * i);
            int tables = u8(body + 2 + 2 * i);
            int index = indexOf(id);
            Component c = components[index];
            for (int j = 0; j < i; j++) {
                if (indices[j] == index) {
                    throw new CorruptJpegException("a scan names component " + id + " twice");
                }
            }
            scanned[i] = c;
            indices[i] = index;
            boolean needsDc = !progressive || (start == 0 && high == 0);
            boolean needsAc = !progressive || start > 0;
            dc[i] = needsDc ? table(dcTables, tables >> 4, "DC") : null;
            ac[i] = needsAc ? table(acTables, tables & 15, "AC") : null;
            if (c.quant == null) {
                if (quantTables[c.quantTable] == null) {
                    throw new CorruptJpegException("quantization table " + c.quantTable + " is not defined");
                }
                c.quant = quantTables[c.quantTable];
            }
            c.decoded = true;
            c.dcPredictor = 0;
        }
        if (progressive) {
            for (int i = 0; i < count; i++) {
                int[] bits = coefficientBits[indices[i]];
                if (start > 0 && bits[0] < 0) {
                    throw new CorruptJpegException("an AC scan of component " + scanned[i].id
                            + " comes before its DC scan");
                }
                for (int k = start; k <= stop; k++) {
                    if (high != Math.max(bits[k], 0) || (high == 0 && bits[k] >= 0)) {
                        throw new CorruptJpegException("a progressive scan repeats or skips bits of coefficient "
                                + k + " of component " + scanned[i].id);
                    }
                    bits[k] = low;
                }
            }
            if (start > 0 && scanned[0].coefficientsPerBlock == 1) {
                // At every requested scale only this component's DC coefficient is used: skip its AC scans unread.
                return EntropyReader.nextMarker(data, next, end);
            }
        }
        EntropyReader reader = new EntropyReader(data, next, end);
        return new ScanDecoder(reader, scanned, dc, ac, progressive, start, stop, high, low, idct)
                .decode(mcusWide, mcusHigh, restartInterval);
    }

    private void checkProgression(int count, int start, int stop, int high, int low) throws CorruptJpegException {
        boolean valid = start <= stop && stop <= 63 && (start > 0 || stop == 0) && (start == 0 || count == 1)
                && low <= 13 && (high == 0 || high == low + 1);
        if (!valid) {
            throw new CorruptJpegException("a progressive scan has invalid parameters Ss=" + start + " Se=" + stop
                    + " Ah=" + high + " Al=" + low);
        }
    }

    private int indexOf(int id) throws CorruptJpegException {
        for (int i = 0; i < components.length; i++) {
            if (components[i].id == id) {
                return i;
            }
        }
        throw new CorruptJpegException("a scan names component " + id + ", which the frame does not have");
    }

    private static HuffmanTable table(HuffmanTable[] tables, int slot, String kind) throws CorruptJpegException {
        if (slot > 3 || tables[slot] == null) {
            throw new CorruptJpegException(kind + " Huffman table " + slot + " is not defined");
        }
        return tables[slot];
    }

    private BufferedImage[] finish() throws CorruptJpegException {
        if (components == null) {
            throw new CorruptJpegException("the file has no frame header");
        }
        for (Component c : components) {
            if (!c.decoded) {
                throw new CorruptJpegException("component " + c.id + " has no image data");
            }
        }
        int colours;
        if (components.length == 1) {
            colours = ColorConverter.GRAY;
        } else if (!jfif && (adobeTransform == 0 || (adobeTransform < 0 && components[0].id == 'R'
                && components[1].id == 'G' && components[2].id == 'B'))) {
            // libjpeg's rule: a JFIF marker means YCbCr; else Adobe's transform flag; else the component ids.
            colours = ColorConverter.RGB;
        } else {
            colours = ColorConverter.YCBCR;
        }
        BufferedImage[] images = new BufferedImage[scales.length];
        int[] order = smallestFirst();
        for (int n = 0; n < order.length; n++) {
            int k = order[n];
            if (progressive) {
                for (Component c : components) {
                    transformCoefficients(c, c.planes[k]);
                }
                if (n == order.length - 1) {
                    // The largest image is made last, after the coefficients are let go: less memory at once.
                    releaseCoefficients();
                }
            }
            int scale = scales[k];
            images[k] = new BufferedImage(outputWidth(scale), outputHeight(scale), BufferedImage.TYPE_INT_RGB);
            new ColorConverter(components, k, maxH, maxV, 8 / scale, outputWidth(scale), outputHeight(scale), colours)
                    .convert(((DataBufferInt) images[k].getRaster().getDataBuffer()).getData());
            for (Component c : components) {
                c.planes[k].samples = null;
            }
        }
        return images;
    }

    /** Indices into {@code scales}, from the smallest output to the largest. */
    private int[] smallestFirst() {
        int[] order = new int[scales.length];
        for (int i = 0; i < order.length; i++) {
            int at = i;
            // Insertion sort by descending scale: a handful of entries, and no lambda for the JVM to spin up.
            while (at > 0 && scales[order[at - 1]] < scales[i]) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = i;
        }
        return order;
    }

    private void releaseCoefficients() {
        for (Component c : components) {
            c.coefficients = null;
            c.dc = null;
            c.lastNonZero = null;
            c.nonZero = null;
        }
    }

    /** Transforms a component's kept coefficients into its samples at one scale, a row of blocks per call. */
    private void transformCoefficients(Component c, Plane p) {
        allocate(c, p);
        for (int row = 0; row < c.blocksHigh; row++) {
            transformRow(c, p, row);
        }
    }

    private void transformRow(Component c, Plane p, int row) {
        int size = p.blockSize;
        short[] coefficients = c.coefficients;
        short[] dc = c.dc;
        byte[] lastNonZero = c.lastNonZero;
        long[] nonZero = c.nonZero;
        int block = row * c.blocksWide;
        int out = row * size * p.stride;
        for (int col = 0; col < c.blocksWide; col++, out += size, block++) {
            if (lastNonZero == null || lastNonZero[block] == 0) {
                idct.fillDc(size, dc[block] * c.quant[0], p.samples, out, p.stride);
            } else {
                coefficients[block * 64] = dc[block];
                idct.transform(size, coefficients, block * 64, c.quant, p.samples, out, p.stride, nonZero[block]);
            }
        }
    }
}
