package org.imagefactory.core.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

import org.imagefactory.core.Deadline;
import org.imagefactory.core.Gravity;

/**
 * Places a crop by looking at the picture, in the two ways libvips' {@code smartcrop} (and sharp's) offers, each
 * made to keep a subject that libvips' version loses (measured on the reference photos pasted in a corner of
 * smooth backgrounds, see docs/DECISIONS.md):
 *
 * <ul>
 *   <li><b>attention</b>: a salience map scores each pixel by its edges (Sobel, on CIELAB lightness and both
 *       colour axes, so an edge between two colours of one lightness counts), doubled where the colour is a skin
 *       tone (a and b in the ranges libvips trained on portraits, lightness over 15) and again where it is
 *       saturated (chroma over 60). libvips adds skin and saturation as areas, so a large smooth saturated
 *       background outweighs the subject; here they only raise the weight of detail.
 *   <li><b>entropy</b>: the Shannon entropy of the histogram of colour differences (CIELAB ΔE) between
 *       neighbouring pixels, highest where there is the most and most varied detail. libvips takes the entropy of
 *       the pixels' values, which is highest in smooth gradients (a sky spans many values), and trims the window
 *       one side at a time, which dilutes a subject in long strips; here every position is scored.
 * </ul>
 *
 * A crop of the box's aspect ratio as large as the picture allows spans all of it on one axis, so the search is
 * over positions along the other: every position is scored, the best kept, and among the positions scoring within
 * {@value #NEAR_BEST} of it the one centred nearest to where the detail in the best one lies, so the subject
 * sits inside the crop rather than against its edge. A picture with nothing in it is cropped in the middle.
 *
 * <p>Both run on a copy of the picture averaged down to at most {@value #ANALYSIS_SIZE} pixels a side, which also
 * averages sensor noise away: the score needs no more detail, and it costs a fraction of the resize. Every step
 * is symmetric under flips and rotations, so the stored image is analysed as it is and EXIF orientation does not
 * change what is kept.
 */
final class SmartCrop {

    static final int ANALYSIS_SIZE = 256;
    static final double NEAR_BEST = 0.97;
    /**
     * Edge strength (summed Sobel on L, a and b of the averaged copy) below which a pixel is no edge: what smooth
     * gradients and blur give, so a sky or an out-of-focus background never outweighs a subject. Chosen with
     * {@code SmartCropEvaluation} over subject sizes and margins (docs/DECISIONS.md).
     */
    static final double EDGE_FLOOR = 80;
    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private SmartCrop() {
    }

    /** Where a {@code width} × {@code height} crop of {@code image} goes, for a {@link Gravity.Kind#smart()} kind. */
    static Window place(BufferedImage image, int width, int height, Gravity.Kind kind) {
        int iw = image.getWidth();
        int ih = image.getHeight();
        int cropWidth = Math.min(width, iw);
        int cropHeight = Math.min(height, ih);
        if (cropWidth == iw && cropHeight == ih) {
            return new Window(0, 0, iw, ih);
        }
        int factor = Math.max(1, (int) Math.ceil((double) Math.max(iw, ih) / ANALYSIS_SIZE));
        LabMap map = LabMap.of(image, factor);
        Deadline.check();
        boolean across = iw - cropWidth >= ih - cropHeight;
        int cropPixels = across ? cropWidth : cropHeight;
        int length = Math.max(1, Math.min(across ? map.width : map.height, (int) Math.round((double) cropPixels
                / factor)));
        int start;
        if (kind == Gravity.Kind.ENTROPY) {
            start = best(entropies(map, across, length), detail(map, across), length);
        } else {
            double[] salience = salience(map, across);
            start = best(sums(salience, length), salience, length);
        }
        int slack = across ? iw - cropWidth : ih - cropHeight;
        int last = (across ? map.width : map.height) - length;
        // A window against an edge of the map stays against that edge of the picture, whatever the rounding.
        int position = start == 0 ? 0 : start == last ? slack
                : Window.clip((int) Math.round(start * factor + (length * factor - cropPixels) / 2.0), slack);
        int left = across ? position : (iw - cropWidth) / 2;
        int top = across ? (ih - cropHeight) / 2 : position;
        return new Window(left, top, cropWidth, cropHeight);
    }

    /**
     * The start of the window to keep, given each start's score and each position's detail: the best start, or
     * among those scoring nearly as well the one whose middle is nearest the detail's centre in the best window.
     */
    private static int best(double[] scores, double[] detail, int length) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        double weight = 0;
        double moment = 0;
        for (int p = best; p < best + length; p++) {
            weight += detail[p];
            moment += detail[p] * (p + 0.5);
        }
        double centre = weight > 0 ? moment / weight : detail.length / 2.0;
        int chosen = best;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= scores[best] * NEAR_BEST
                    && Math.abs(i + length / 2.0 - centre) < Math.abs(chosen + length / 2.0 - centre)) {
                chosen = i;
            }
        }
        return chosen;
    }

    /** Each window start's total, over a profile of per-position values. */
    private static double[] sums(double[] profile, int length) {
        double[] sums = new double[profile.length - length + 1];
        double sum = 0;
        for (int p = 0; p < length; p++) {
            sum += profile[p];
        }
        sums[0] = sum;
        for (int i = 1; i < sums.length; i++) {
            sum += profile[i + length - 1] - profile[i - 1];
            sums[i] = sum;
        }
        return sums;
    }

    /** Salience summed over each column ({@code across}) or row of the map. */
    private static double[] salience(LabMap map, boolean across) {
        int mw = map.width;
        int mh = map.height;
        double[] profile = new double[across ? mw : mh];
        for (int y = 0; y < mh; y++) {
            for (int x = 0; x < mw; x++) {
                int i = y * mw + x;
                double score = Math.max(0, sobel(map.lightness, mw, mh, x, y) + sobel(map.a, mw, mh, x, y)
                        + sobel(map.b, mw, mh, x, y) - EDGE_FLOOR);
                double l = map.lightness[i];
                double a = map.a[i];
                double b = map.b[i];
                double weight = 1;
                if (a >= 3 && a <= 22 && b >= 4 && b <= 31 && l >= 15) {
                    weight += 1;
                }
                if (a * a + b * b > 60 * 60) {
                    weight += 1;
                }
                profile[across ? x : y] += score * weight;
            }
        }
        return profile;
    }

    /** |Gx| + |Gy| of the 3 × 3 Sobel operator on one channel, edges repeated outward. */
    private static double sobel(float[] l, int w, int h, int x, int y) {
        int xl = Math.max(0, x - 1);
        int xr = Math.min(w - 1, x + 1);
        int yu = Math.max(0, y - 1);
        int yd = Math.min(h - 1, y + 1);
        double gx = l[yu * w + xr] + 2 * l[y * w + xr] + l[yd * w + xr]
                - l[yu * w + xl] - 2 * l[y * w + xl] - l[yd * w + xl];
        double gy = l[yd * w + xl] + 2 * l[yd * w + x] + l[yd * w + xr]
                - l[yu * w + xl] - 2 * l[yu * w + x] - l[yu * w + xr];
        return Math.abs(gx) + Math.abs(gy);
    }

    /** Each window start's entropy of colour differences, the window sliding one column or row at a time. */
    private static double[] entropies(LabMap map, boolean across, int length) {
        int positions = across ? map.width : map.height;
        int[][] counts = new int[positions][LabMap.DIFFERENCE_BINS];
        byte[] bins = map.differences();
        for (int y = 0; y < map.height; y++) {
            for (int x = 0; x < map.width; x++) {
                int i = y * map.width + x;
                int[] at = counts[across ? x : y];
                at[bins[2 * i]]++;
                at[bins[2 * i + 1]]++;
            }
        }
        int[] window = new int[LabMap.DIFFERENCE_BINS];
        for (int p = 0; p < length; p++) {
            add(window, counts[p], 1);
        }
        double[] entropies = new double[positions - length + 1];
        entropies[0] = entropy(window);
        for (int i = 1; i < entropies.length; i++) {
            add(window, counts[i + length - 1], 1);
            add(window, counts[i - 1], -1);
            entropies[i] = entropy(window);
        }
        return entropies;
    }

    private static void add(int[] window, int[] counts, int sign) {
        for (int bin = 0; bin < window.length; bin++) {
            window[bin] += sign * counts[bin];
        }
    }

    private static double entropy(int[] histogram) {
        double total = 0;
        for (int count : histogram) {
            total += count;
        }
        double entropy = 0;
        for (int count : histogram) {
            if (count > 0) {
                double p = count / total;
                entropy -= p * Math.log(p);
            }
        }
        return entropy;
    }

    /** Each column's or row's total colour difference: where the detail that entropy rewards lies. */
    private static double[] detail(LabMap map, boolean across) {
        double[] profile = new double[across ? map.width : map.height];
        byte[] bins = map.differences();
        for (int y = 0; y < map.height; y++) {
            for (int x = 0; x < map.width; x++) {
                int i = y * map.width + x;
                profile[across ? x : y] += bins[2 * i] + bins[2 * i + 1];
            }
        }
        return profile;
    }

    /** The picture averaged over {@code factor} × {@code factor} blocks, in CIELAB (D65). */
    private static final class LabMap {
        /** ΔE per histogram bin: sensor noise left after averaging and smooth gradients stay in the first. */
        static final float DIFFERENCE_STEP = 5;
        static final int DIFFERENCE_BINS = 64;

        final int width;
        final int height;
        final float[] lightness;
        final float[] a;
        final float[] b;
        private byte[] differences;

        private LabMap(int width, int height) {
            this.width = width;
            this.height = height;
            this.lightness = new float[width * height];
            this.a = new float[width * height];
            this.b = new float[width * height];
        }

        static LabMap of(BufferedImage image, int factor) {
            int iw = image.getWidth();
            int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            boolean alpha = image.getType() == BufferedImage.TYPE_INT_ARGB;
            LabMap map = new LabMap(Math.max(1, iw / factor), Math.max(1, image.getHeight() / factor));
            int bw = Math.min(factor, iw);
            int bh = Math.min(factor, image.getHeight());
            for (int my = 0; my < map.height; my++) {
                for (int mx = 0; mx < map.width; mx++) {
                    double r = 0;
                    double g = 0;
                    double bl = 0;
                    for (int y = my * bh; y < my * bh + bh; y++) {
                        int row = y * iw;
                        for (int x = mx * bw; x < mx * bw + bw; x++) {
                            int p = pixels[row + x];
                            // Transparent pixels count as the black they usually store: never salient.
                            double weight = alpha ? (p >>> 24) / 255.0 : 1;
                            r += LINEAR[(p >> 16) & 0xFF] * weight;
                            g += LINEAR[(p >> 8) & 0xFF] * weight;
                            bl += LINEAR[p & 0xFF] * weight;
                        }
                    }
                    map.set(my * map.width + mx, r / (bw * bh), g / (bw * bh), bl / (bw * bh));
                }
            }
            return map;
        }

        private void set(int i, double r, double g, double bl) {
            double fx = f((0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047);
            double fy = f(0.2126 * r + 0.7152 * g + 0.0722 * bl);
            double fz = f((0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883);
            lightness[i] = (float) (116 * fy - 16);
            a[i] = (float) (500 * (fx - fy));
            b[i] = (float) (200 * (fy - fz));
        }

        private static double f(double t) {
            return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
        }

        /**
         * The histogram bin of each pixel's colour difference to its right and to its lower neighbour, two bytes a
         * pixel; the last column and row differ from themselves by nothing.
         */
        byte[] differences() {
            if (differences != null) {
                return differences;
            }
            byte[] bins = new byte[2 * width * height];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    bins[2 * i] = bin(i, x + 1 < width ? i + 1 : i);
                    bins[2 * i + 1] = bin(i, y + 1 < height ? i + width : i);
                }
            }
            differences = bins;
            return bins;
        }

        private byte bin(int i, int j) {
            double dl = lightness[i] - lightness[j];
            double da = a[i] - a[j];
            double db = b[i] - b[j];
            return (byte) Math.min(DIFFERENCE_BINS - 1, (int) (Math.sqrt(dl * dl + da * da + db * db) / DIFFERENCE_STEP));
        }
    }
}
