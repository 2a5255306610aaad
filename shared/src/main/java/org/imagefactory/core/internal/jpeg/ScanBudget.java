package org.imagefactory.core.internal.jpeg;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import org.imagefactory.core.ImageFactoryException;
import org.imagefactory.core.ImageFactoryException.Failure;

/**
 * The scan limit for JPEGs left to ImageIO, checked by a walk over the file's markers before any reader sees it.
 * ImageIO's JPEG readers have no scan limit, and the JDK's decodes the whole image again for every progressive
 * scan, so a file that repeats a small scan 20,000 times costs minutes of one core per request. A file passes
 * when it has at most {@link #MAX_SCANS} scans (the limit {@link FrameDecoder} applies to the files it decodes
 * itself) and at most {@link #ALWAYS_ALLOWED} scans or {@link #PIXEL_SCANS} pixels × scans in all.
 *
 * <p>The walk reads markers as libjpeg does: bytes that are not a marker between segments and after a scan's
 * data are skipped, 0xFF fill before a marker is legal, and a scan's data runs to the next marker that is
 * neither a restart marker nor a stuffed 0xFF. It keeps nothing but counts, so it reads any file in one pass and
 * constant memory. Whatever it cannot make sense of (a truncated file, a segment longer than the file) it leaves
 * to the reader, which reports it.
 */
public final class ScanBudget {

    /** More scans than any encoder writes (a full successive-approximation script has under 100). */
    static final int MAX_SCANS = 1000;

    /** Scans any file may have whatever its size: more than libjpeg's, Photoshop's or mozjpeg's scripts write. */
    static final int ALWAYS_ALLOWED = 100;

    /**
     * Pixels × scans past which a file with more than {@link #ALWAYS_ALLOWED} scans is refused: about 8 s of the
     * JDK reader's per-scan output (34 million pixels a second on a 2-core machine), the work of 1,000 scans of a
     * 512 × 512 image.
     */
    static final long PIXEL_SCANS = 1L << 28;

    private static final int BUFFER_BYTES = 1 << 16;

    private final InputStream in;
    private final String name;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int pos;
    private int limit;
    private long width;
    private long height;
    private int scans;

    private ScanBudget(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    /**
     * Walks a JPEG's markers and refuses it ({@link ImageFactoryException}, {@link Failure#CORRUPT_IMAGE} over
     * {@link #MAX_SCANS}, {@link Failure#TOO_LARGE} over the work bound) when it has more scans than it may;
     * {@code name} is used in the message. Reads {@code in} at most to its end and does not close it.
     */
    public static void check(InputStream in, String name) throws IOException {
        try {
            new ScanBudget(in, name).walk();
        } catch (EOFException e) {
            // A segment that runs past the end: truncation is the reader's to report, in its place in the data.
        }
    }

    private void walk() throws IOException {
        if (read() != 0xFF || read() != 0xD8) {
            return;
        }
        int marker = nextMarker();
        while (marker >= 0 && marker != 0xD9) {
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                marker = nextMarker();
                continue;
            }
            int length = read() << 8 | read();
            if (length < 2) {
                return;
            }
            if (isFrameHeader(marker) && length >= 7) {
                read();
                height = read() << 8 | read();
                width = read() << 8 | read();
                skip(length - 7);
            } else {
                skip(length - 2);
            }
            if (marker == 0xDA) {
                countScan();
                marker = markerAfterScanData();
            } else {
                marker = nextMarker();
            }
        }
    }

    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private void countScan() {
        scans++;
        if (scans > MAX_SCANS) {
            throw new ImageFactoryException(Failure.CORRUPT_IMAGE, name + ": the JPEG data is damaged (the file has"
                    + " more than " + MAX_SCANS + " scans)");
        }
        long allowed = Math.max(ALWAYS_ALLOWED, PIXEL_SCANS / Math.max(1, width * height));
        if (scans > allowed) {
            throw new ImageFactoryException(Failure.TOO_LARGE, name + ": the JPEG has more than " + allowed
                    + " scans of its " + width + "x" + height + " pixels, more decoding work than we accept ("
                    + ALWAYS_ALLOWED + " scans at any size, up to " + MAX_SCANS + " for small images)");
        }
    }

    /** The code of the next marker, skipping extraneous bytes and fill as libjpeg does; -1 at the end. */
    private int nextMarker() throws IOException {
        int b = read();
        while (b >= 0) {
            if (b != 0xFF) {
                b = read();
                continue;
            }
            while (b == 0xFF) {
                b = read();
            }
            if (b != 0) {
                return b;
            }
            b = read();
        }
        return -1;
    }

    /** The code of the first marker after entropy-coded data other than a restart marker; -1 at the end. */
    private int markerAfterScanData() throws IOException {
        int marker = nextMarker();
        while (marker >= 0xD0 && marker <= 0xD7) {
            marker = nextMarker();
        }
        return marker;
    }

    private int read() throws IOException {
        if (pos == limit) {
            limit = in.readNBytes(buffer, 0, buffer.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[pos++] & 0xFF;
    }

    private void skip(long count) throws IOException {
        long buffered = Math.min(count, limit - pos);
        pos += (int) buffered;
        long remaining = count - buffered;
        if (remaining > 0) {
            in.skipNBytes(remaining);
        }
    }
}
