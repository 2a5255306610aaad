package org.imagefactory.core;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.imagefactory.core.internal.Framing;
import org.imagefactory.core.internal.ImageEncoder;
import org.imagefactory.core.internal.ImageProbe;
import org.imagefactory.core.internal.RenderMemory;
import org.imagefactory.core.internal.SourceDecoder;

/**
 * probe → decode → frame (crop, resize, orient, pad) → encode. One instance holds only immutable options and may be shared by any
 * number of threads; the build plugin, the servlet filter and the command line all go through it.
 */
public final class ResizePipeline {

    /**
     * Decode at least this many times the output size. ImageIO subsamples by skipping pixels, which aliases;
     * measured against libvips on the reference corpus, a margin of 2 gave a mean PSNR of 42.0 dB (min 30.7),
     * 2.5 gave 43.2 (33.3) and 3 gives 43.9 (33.3) for 15% more decode time than 2.
     */
    static final double DECODE_MARGIN = 3.0;

    private final PipelineOptions options;

    public ResizePipeline(PipelineOptions options) {
        this.options = options;
    }

    public ResizePipeline() {
        this(PipelineOptions.DEFAULTS);
    }

    public PipelineOptions options() {
        return options;
    }

    /** Reads the source's header and refuses it when it is over the pixel limit. */
    public SourceInfo probe(Path source) throws IOException {
        return ImageProbe.probe(source, options.maxSourcePixels());
    }

    /**
     * Fits a request to a probed source, with this pipeline's default quality.
     *
     * @throws ImageFactoryException for an output no encoder could write or larger than a source may be
     */
    public VariantSpec normalize(VariantRequest request, SourceInfo source) {
        VariantSpec spec = VariantSpec.normalize(request, source, options.defaultQuality());
        checkEncodable(spec, spec.outputSize(source.width(), source.height()));
        return spec;
    }

    /** Makes one variant of a probed source, taking as long as it takes. */
    public Rendition render(Path source, SourceInfo info, VariantSpec spec) throws IOException {
        return render(source, info, spec, Deadline.NONE);
    }

    /**
     * Makes one variant of a probed source, abandoned as soon as {@code deadline} passes.
     *
     * @throws ImageFactoryException with {@link ImageFactoryException.Failure#TOO_SLOW} past the deadline
     */
    public Rendition render(Path source, SourceInfo info, VariantSpec spec, Deadline deadline) throws IOException {
        return renderAll(source, info, List.of(spec), deadline).get(0);
    }

    /**
     * An estimate of the most heap one {@link #render} of this variant holds at once, for admitting renders by
     * memory; see {@link RenderMemory}.
     */
    public long peakBytes(SourceInfo info, VariantSpec spec) {
        VariantSpec.Size size = spec.outputSize(info.width(), info.height());
        return RenderMemory.peakBytes(info,
                SourceDecoder.Resolution.of(info, Framing.scaledSource(spec, info), DECODE_MARGIN), size);
    }

    /**
     * Makes several variants of one source, decoding it once: a JPEG in one pass at every DCT scale the variants
     * need, a PNG in one pass at every subsampling, other formats once per ImageIO subsampling. Each rendition is
     * byte for byte what {@link #render} makes for that variant alone, so a file made at build time is the file the filter would make. Renditions
     * come back in the order of {@code specs}.
     */
    public List<Rendition> renderAll(Path source, SourceInfo info, List<VariantSpec> specs) throws IOException {
        return renderAll(source, info, specs, Deadline.NONE);
    }

    /**
     * {@link #renderAll(Path, SourceInfo, List)}, abandoned as soon as {@code deadline} passes, whatever the
     * decoder, resampler or encoder was doing.
     *
     * @throws ImageFactoryException with {@link ImageFactoryException.Failure#TOO_SLOW} past the deadline
     */
    public List<Rendition> renderAll(Path source, SourceInfo info, List<VariantSpec> specs, Deadline deadline)
            throws IOException {
        if (deadline == Deadline.NONE) {
            return renderAllNow(source, info, specs);
        }
        try {
            return deadline.during(() -> renderAllNow(source, info, specs));
        } catch (IOException | RuntimeException e) {
            // A reader may wrap the deadline's exception in its own, or fail in another way once stopped.
            if (deadline.isExpired()) {
                throw new ImageFactoryException(ImageFactoryException.Failure.TOO_SLOW, source + ": not generated"
                        + " within " + deadline.describe() + ", the time it was allowed", e);
            }
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Rendition> renderAllNow(Path source, SourceInfo info, List<VariantSpec> specs) throws IOException {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("no variant to render");
        }
        SourceDecoder.Resolution[] resolutions = new SourceDecoder.Resolution[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            VariantSpec.Size size = specs.get(i).outputSize(info.width(), info.height());
            checkEncodable(specs.get(i), size);
            resolutions[i] = SourceDecoder.Resolution.of(info, Framing.scaledSource(specs.get(i), info),
                    DECODE_MARGIN);
        }
        Rendition[] renditions = new Rendition[specs.size()];
        boolean ours = info.format() == Encoding.JPEG || info.format() == Encoding.PNG;
        if (!ours || !renderFromOneDecode(source, info, specs, resolutions, renditions)) {
            renderWithImageIo(source, info, specs, resolutions, renditions);
        }
        return List.of(renditions);
    }

    /**
     * A JPEG decoded at every DCT scale, or a PNG at every subsampling, its variants need, in one pass. Returns
     * false, having rendered nothing, when our decoder leaves the file to ImageIO.
     */
    private boolean renderFromOneDecode(Path source, SourceInfo info, List<VariantSpec> specs,
            SourceDecoder.Resolution[] resolutions, Rendition[] renditions) throws IOException {
        boolean jpeg = info.format() == Encoding.JPEG;
        int[] keyOf = new int[resolutions.length];
        for (int i = 0; i < resolutions.length; i++) {
            keyOf[i] = jpeg ? resolutions[i].jpegScale() : resolutions[i].subsampling();
        }
        int[] keys = distinctAscending(keyOf);
        long start = System.nanoTime();
        BufferedImage[] decoded = jpeg ? SourceDecoder.decodeJpeg(source, keys, options.maxSourcePixels())
                : SourceDecoder.decodePng(source, info, keys);
        if (decoded == null) {
            return false;
        }
        finishEach(decoded, keys, keyOf, info, specs, renditions, System.nanoTime() - start);
        return true;
    }

    /**
     * Makes each variant from the decoded image of its resolution: {@code decoded[k]} is at {@code keys[k]}, and
     * variant {@code i} wants {@code keyOf[i]}.
     */
    private void finishEach(BufferedImage[] decoded, int[] keys, int[] keyOf, SourceInfo info,
            List<VariantSpec> specs, Rendition[] renditions, long decodeNanos) throws IOException {
        for (int k = 0; k < keys.length; k++) {
            for (int i = 0; i < specs.size(); i++) {
                if (keyOf[i] == keys[k]) {
                    renditions[i] = finish(decoded[k], info, specs.get(i), decodeNanos);
                }
            }
            // Largest first; each image is let go once its variants are made, so the heap holds less and less.
            decoded[k] = null;
        }
    }

    /**
     * The distinct values, smallest first. Plain loops rather than a stream: every lambda a first render meets
     * costs the JVM a generated class and C2 time on its bytecode generator, in the middle of the first image.
     */
    private static int[] distinctAscending(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int count = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[count++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, count);
    }

    private void renderWithImageIo(Path source, SourceInfo info, List<VariantSpec> specs,
            SourceDecoder.Resolution[] resolutions, Rendition[] renditions) throws IOException {
        Map<Integer, List<Integer>> bySubsampling = new TreeMap<>();
        for (int i = 0; i < specs.size(); i++) {
            bySubsampling.computeIfAbsent(resolutions[i].subsampling(), k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<Integer, List<Integer>> group : bySubsampling.entrySet()) {
            long start = System.nanoTime();
            BufferedImage decoded = SourceDecoder.decode(source, info, group.getKey());
            long decodeNanos = System.nanoTime() - start;
            for (int index : group.getValue()) {
                renditions[index] = finish(decoded, info, specs.get(index), decodeNanos);
            }
        }
    }

    /**
     * Refused before decoding: an encoder would fail only after all the work, and on every request again. An
     * output of more pixels than a source may have is refused too: only {@code fit=contain} can ask for one (a
     * box padded far beyond the picture), and it would take the memory of a decompression bomb.
     */
    private void checkEncodable(VariantSpec spec, VariantSpec.Size size) {
        int limit = spec.encoding().maxDimension();
        if (size.width() > limit || size.height() > limit) {
            throw new ImageFactoryException(ImageFactoryException.Failure.INVALID_ARGUMENT,
                    "invalid size for encoding=" + spec.encoding().argument() + ": the image would be " + size
                            + ", over the format's limit of " + limit + " px a side; ask for a smaller scalex or"
                            + " scaley, or another encoding");
        }
        if ((long) size.width() * size.height() > options.maxSourcePixels()) {
            throw new ImageFactoryException(ImageFactoryException.Failure.INVALID_ARGUMENT,
                    "invalid size for fit=" + spec.fit().argument() + ": the image would be " + size + ", "
                            + (long) size.width() * size.height() + " pixels, over the limit of "
                            + options.maxSourcePixels() + " (maxSourcePixels); ask for a smaller scalex or scaley");
        }
    }

    private Rendition finish(BufferedImage decoded, SourceInfo info, VariantSpec spec, long decodeNanos)
            throws IOException {
        VariantSpec.Size size = spec.outputSize(info.width(), info.height());
        Deadline.check();
        long resizeStart = System.nanoTime();
        BufferedImage upright = Framing.frame(decoded, info, spec, options.background());
        Deadline.check();
        long encodeStart = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(8192, size.width() * size.height() / 4));
        ImageEncoder.encode(upright, spec, options, out);
        long end = System.nanoTime();
        return new Rendition(spec, size, out.toByteArray(),
                new Timings(decodeNanos, encodeStart - resizeStart, end - encodeStart));
    }
}
