package org.imagefactory.core.internal.jpeg;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each marker of a clean JPEG starts and where its segment ends (for a scan: after its entropy-coded data),
 * for tests that insert bytes between segments or repeat scans. Only for files without extraneous bytes.
 */
record JpegSegments(byte[] file, List<int[]> segments) {

    /** Each entry is {marker code, offset of its 0xFF, offset just past the segment}. */
    static JpegSegments of(byte[] file) {
        List<int[]> segments = new ArrayList<>();
        int p = 2;
        while (p < file.length) {
            int start = p;
            while ((file[p] & 0xFF) == 0xFF) {
                p++;
            }
            int marker = file[p++] & 0xFF;
            if (marker == 0xD9) {
                segments.add(new int[] {marker, start, p});
                break;
            }
            p += (file[p] & 0xFF) << 8 | (file[p + 1] & 0xFF);
            if (marker == 0xDA) {
                while ((file[p] & 0xFF) != 0xFF || file[p + 1] == 0 || ((file[p + 1] & 0xFF) >= 0xD0
                        && (file[p + 1] & 0xFF) <= 0xD7)) {
                    p++;
                }
            }
            segments.add(new int[] {marker, start, p});
        }
        return new JpegSegments(file, segments);
    }

    /** Offsets of every marker {@code code}. */
    List<Integer> before(int code) {
        List<Integer> offsets = new ArrayList<>();
        for (int[] s : segments) {
            if (s[0] == code) {
                offsets.add(s[1]);
            }
        }
        return offsets;
    }

    /** Offsets just past every scan's entropy-coded data. */
    List<Integer> afterEachScan() {
        List<Integer> offsets = new ArrayList<>();
        for (int[] s : segments) {
            if (s[0] == 0xDA) {
                offsets.add(s[2]);
            }
        }
        return offsets;
    }

    /** The file with {@code bytes} inserted at each of {@code offsets}. */
    byte[] insert(List<Integer> offsets, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int from = 0;
        for (int at : offsets.stream().sorted().toList()) {
            out.write(file, from, at - from);
            out.writeBytes(bytes);
            from = at;
        }
        out.write(file, from, file.length - from);
        return out.toByteArray();
    }

    /** The file with its shortest scan (header and data) repeated {@code times} more times before the end marker. */
    byte[] withShortestScanRepeated(int times) {
        int[] shortest = null;
        for (int[] s : segments) {
            if (s[0] == 0xDA && (shortest == null || s[2] - s[1] < shortest[2] - shortest[1])) {
                shortest = s;
            }
        }
        int end = before(0xD9).get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, end);
        for (int i = 0; i < times; i++) {
            out.write(file, shortest[1], shortest[2] - shortest[1]);
        }
        out.write(file, end, file.length - end);
        return out.toByteArray();
    }
}
