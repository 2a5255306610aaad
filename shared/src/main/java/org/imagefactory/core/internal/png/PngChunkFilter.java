package org.imagefactory.core.internal.png;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import javax.imageio.stream.ImageInputStream;

import org.imagefactory.core.internal.ImageProbe;
import org.imagefactory.core.internal.SplicedImageStream;
import org.imagefactory.core.internal.color.ColorProfiles;

/**
 * What the JDK's PNG reader may see of a PNG: the chunks that make its pixels (IHDR, PLTE, tRNS, IDAT, IEND), the
 * small fixed-size ones it parses harmlessly, and an {@code iCCP} whose profile inflates to at most
 * {@link ColorProfiles#MAX_PROFILE_BYTES}. Text ({@code tEXt}, {@code zTXt}, {@code iTXt}), {@code eXIf}, suggested
 * palettes, animation and unknown chunks are left out: the reader inflates and keeps every text chunk it is shown
 * (JDK 17 inflates a {@code zTXt} whole, 1 GiB from a 1 MB file) and none of them changes a pixel. The header is
 * checked here too, so a broken one is refused in our words rather than the reader's.
 */
public final class PngChunkFilter {

    private static final int IHDR = type("IHDR");
    private static final int PLTE = type("PLTE");
    private static final int IDAT = type("IDAT");
    private static final int IEND = type("IEND");
    private static final int ICCP = type("iCCP");
    private static final Set<Integer> KEPT = Set.of(IHDR, PLTE, IDAT, IEND, ICCP, type("tRNS"), type("gAMA"),
            type("cHRM"), type("sRGB"), type("sBIT"), type("bKGD"), type("pHYs"));
    /** Far more chunks than any encoder writes; a file interleaving thousands of dropped ones is not a picture. */
    private static final int MAX_PIECES = 1 << 14;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngChunkFilter() {
    }

    /** The PNG as the reader may see it: {@code in} itself when nothing is left out, else a view of it. */
    public static ImageInputStream filter(ImageInputStream in, Path file) throws IOException {
        long length = in.length();
        if (length < 0) {
            return in;
        }
        byte[] head = new byte[8];
        in.seek(0);
        in.readFully(head);
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (head[i] != SIGNATURE[i]) {
                throw ImageProbe.corrupt(file, "not a PNG file (the signature is damaged)");
            }
        }
        SplicedImageStream.Builder view = new SplicedImageStream.Builder().range(0, 8);
        boolean leftOut = false;
        boolean header = false;
        boolean palette = false;
        boolean data = false;
        boolean ended = false;
        int colourType = -1;
        long at = 8;
        while (at < length) {
            if (at + 8 > length) {
                throw ImageProbe.corrupt(file, "the file is truncated (inside a chunk header)");
            }
            in.seek(at);
            long size = in.readUnsignedInt();
            int type = in.readInt();
            long end = at + 12 + size;
            if (!header) {
                if (type != IHDR || size != 13) {
                    throw ImageProbe.corrupt(file, "the PNG header (IHDR) is missing or damaged");
                }
                colourType = checkHeader(in, file);
                header = true;
            }
            boolean keep = KEPT.contains(type) && (type != ICCP || boundedProfile(in, size));
            if (keep) {
                view.range(at, Math.min(end, length) - at);
            } else {
                leftOut = true;
            }
            if (view.pieces() > MAX_PIECES) {
                throw ImageProbe.corrupt(file, "the PNG is split into over " + MAX_PIECES + " chunks");
            }
            palette |= type == PLTE;
            data |= type == IDAT;
            if (type == IDAT && colourType == 3 && !palette) {
                throw ImageProbe.corrupt(file, "the PNG has a palette colour type but no palette (PLTE)");
            }
            at = end;
            if (type == IEND) {
                ended = true;
                break;
            }
        }
        if (!data) {
            throw ImageProbe.corrupt(file, ended ? "the PNG has no image data (IDAT)"
                    : "the file is truncated (no image data)");
        }
        leftOut |= at < length;
        in.seek(0);
        return leftOut ? view.over(in) : in;
    }

    /** Checks IHDR as the PNG specification defines it and returns the colour type. */
    private static int checkHeader(ImageInputStream in, Path file) throws IOException {
        in.skipBytes(8);
        int depth = in.readUnsignedByte();
        int colourType = in.readUnsignedByte();
        int compression = in.readUnsignedByte();
        int filter = in.readUnsignedByte();
        int interlace = in.readUnsignedByte();
        boolean valid = switch (colourType) {
            case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
            case 2, 4, 6 -> depth == 8 || depth == 16;
            default -> false;
        };
        if (!valid) {
            throw ImageProbe.corrupt(file, "the PNG header is damaged (colour type " + colourType + " with "
                    + depth + " bits per sample does not exist)");
        }
        if (compression != 0 || filter != 0 || interlace > 1) {
            throw ImageProbe.corrupt(file, "the PNG header is damaged (compression " + compression + ", filter "
                    + filter + ", interlace " + interlace + "; only 0, 0 and 0 or 1 exist)");
        }
        return colourType;
    }

    /** Whether an iCCP chunk's profile inflates to a profile we would read, without keeping any of it. */
    private static boolean boundedProfile(ImageInputStream in, long size) throws IOException {
        if (size > ColorProfiles.MAX_PROFILE_BYTES || size > in.length() - in.getStreamPosition()) {
            return false;
        }
        byte[] chunk = new byte[(int) size];
        in.readFully(chunk);
        int keyword = 0;
        while (keyword < Math.min(chunk.length, 80) && chunk[keyword] != 0) {
            keyword++;
        }
        if (keyword + 2 >= chunk.length) {
            return false;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(chunk, keyword + 2, chunk.length - keyword - 2);
            byte[] sink = new byte[8192];
            long inflated = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(sink);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return false;
                }
                inflated += n;
                if (inflated > ColorProfiles.MAX_PROFILE_BYTES) {
                    return false;
                }
            }
            return true;
        } catch (DataFormatException e) {
            return false;
        } finally {
            inflater.end();
        }
    }

    private static int type(String name) {
        return name.charAt(0) << 24 | name.charAt(1) << 16 | name.charAt(2) << 8 | name.charAt(3);
    }
}
