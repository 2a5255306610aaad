package org.imagefactory.core.internal.webp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.imageio.stream.ImageInputStream;

import org.imagefactory.core.internal.SplicedImageStream;
import org.imagefactory.core.internal.color.ColorProfiles;

/**
 * What the WebP readers may see of a WebP: every chunk but {@code EXIF} (its orientation is read by the probe from
 * the file), {@code XMP } and an {@code ICCP} profile over {@link ColorProfiles#MAX_PROFILE_BYTES}, the metadata
 * TwelveMonkeys' reader reads and keeps whole; the RIFF size and the {@code VP8X} flags are patched to match, so
 * each reader sees a consistent file. Other chunks stay: both readers skip chunks they do not know, and their
 * verdicts on damaged frame chunks (a mangled {@code ANMF}, say) are the ones users already get.
 */
public final class WebpChunkFilter {

    private static final Set<String> LEFT_OUT = Set.of("EXIF", "XMP ");
    private static final int ICC_FLAG = 0x20;
    private static final int EXIF_FLAG = 0x08;
    private static final int XMP_FLAG = 0x04;
    /** libwebp's own limit on chunks is far lower; past this the rest of the file is handed over unfiltered. */
    private static final int MAX_CHUNKS = 1 << 14;

    private WebpChunkFilter() {
    }

    private record Chunk(String fourcc, long start, long end) {
    }

    /** The WebP as the readers may see it: {@code in} itself when nothing is left out, else a view of it. */
    public static ImageInputStream filter(ImageInputStream in) throws IOException {
        long length = in.length();
        List<Chunk> kept = new ArrayList<>();
        boolean leftOut = false;
        boolean profile = false;
        byte[] header = new byte[8];
        long at = 12;
        while (at + 8 <= length && kept.size() < MAX_CHUNKS) {
            in.seek(at);
            in.readFully(header);
            String fourcc = new String(header, 0, 4, StandardCharsets.ISO_8859_1);
            long size = ByteBuffer.wrap(header, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            long end = Math.min(length, at + 8 + size + (size & 1));
            if (!LEFT_OUT.contains(fourcc) && (!fourcc.equals("ICCP") || size <= ColorProfiles.MAX_PROFILE_BYTES)) {
                kept.add(new Chunk(fourcc, at, end));
                profile |= fourcc.equals("ICCP");
            } else {
                leftOut = true;
            }
            at = end;
        }
        in.seek(0);
        if (!leftOut || length < 0) {
            return in;
        }
        kept.add(new Chunk("rest", at, length));
        long viewLength = 12;
        for (Chunk chunk : kept) {
            viewLength += chunk.end - chunk.start;
        }
        byte[] riff = new byte[12];
        in.readFully(riff);
        ByteBuffer.wrap(riff, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) Math.min(viewLength - 8, 0xFFFFFFFFL));
        SplicedImageStream.Builder view = new SplicedImageStream.Builder().bytes(riff);
        for (Chunk chunk : kept) {
            if (chunk.fourcc.equals("VP8X") && chunk.end - chunk.start >= 9) {
                // Flags for chunks the view no longer has would send a reader looking for them.
                byte[] vp8x = new byte[9];
                in.seek(chunk.start);
                in.readFully(vp8x);
                vp8x[8] &= (byte) ~(EXIF_FLAG | XMP_FLAG | (profile ? 0 : ICC_FLAG));
                view.bytes(vp8x).range(chunk.start + 9, chunk.end - chunk.start - 9);
            } else {
                view.range(chunk.start, chunk.end - chunk.start);
            }
        }
        in.seek(0);
        return view.over(in);
    }
}
