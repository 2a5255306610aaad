package org.imagefactory.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of a documentation table of URLs and their answers, read as claims a test can check: the status and body
 * (a backticked {@code `400 invalid ...`}), the pixel size and format of the file ({@code 640 × 427 JPEG}: a size
 * without a format after it is a box, not the answer), response headers ({@code `Vary: Accept`}) and, one request each in order, the cache states
 * ({@code `Server-Timing: cache;desc=generated`}, then {@code `...desc=hit`}). A row that states neither a status
 * nor a sized file is an error, so the tables stay checkable.
 *
 * @param url      the path and query, as written, such as {@code /picture/landscapes/alpine-lake.jpg?scalex=640}
 * @param answer   the answer cell as written
 * @param status   the expected status code, 200 unless a backticked code says otherwise
 * @param body     the start of the expected body for an error, when the row quotes it
 * @param size     the expected pixel size, such as {@code 640x427}
 * @param format   the expected format, lower case ({@code jpeg}, {@code webp}), as ImageIO names it
 * @param headers  other expected response headers and a value each must contain
 * @param cacheStates the {@code Server-Timing} cache state of each successive request
 */
record DocumentedUrl(String url, String answer, int status, Optional<String> body, Optional<String> size,
                     Optional<String> format, Map<String, String> headers, List<String> cacheStates) {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern STATUS = Pattern.compile("([1-5][0-9]{2})(?: (.+))?");
    private static final Pattern SIZED_FILE = Pattern.compile("(\\d+) × (\\d+) (JPEG|WebP|PNG|GIF|BMP)\\b");
    private static final Pattern HEADER = Pattern.compile("([A-Z][A-Za-z-]+): (.+)");
    private static final Pattern CACHE_STATE = Pattern.compile("cache;desc=([a-z]+)");

    /** The rows of the first table after the line {@code heading} in a Markdown file. */
    static List<DocumentedUrl> tableAfter(Path markdown, String heading) {
        List<String> lines;
        try {
            lines = Files.readAllLines(markdown);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + markdown, e);
        }
        int at = lines.indexOf(heading);
        if (at < 0) {
            throw new IllegalStateException(markdown + " has no line '" + heading + "': the test reads the table below it");
        }
        List<DocumentedUrl> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(at + 1, lines.size())) {
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            if (inTable && !line.startsWith("|---")) {
                rows.add(of(markdown + ": " + line, line.substring(1, line.lastIndexOf('|')).split("\\|")));
            }
            inTable = true;
        }
        return rows;
    }

    private static DocumentedUrl of(String where, String[] cells) {
        String url = codes(cells[0]).stream().filter(code -> code.startsWith("/")).findFirst()
                .orElseThrow(() -> new IllegalStateException(where + ": no `/...` URL in the first cell"));
        String answer = cells[1].strip();
        int status = 200;
        String body = null;
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cacheStates = new ArrayList<>();
        for (String code : codes(answer)) {
            Matcher statusCode = STATUS.matcher(code);
            Matcher header = HEADER.matcher(code);
            if (statusCode.matches()) {
                status = Integer.parseInt(statusCode.group(1));
                body = statusCode.group(2);
            } else if (header.matches() && header.group(1).equals("Server-Timing")) {
                Matcher state = CACHE_STATE.matcher(header.group(2));
                if (state.find()) {
                    cacheStates.add(state.group(1));
                }
            } else if (header.matches()) {
                headers.put(header.group(1), header.group(2));
            }
        }
        Matcher file = SIZED_FILE.matcher(answer);
        boolean sized = file.find();
        boolean statesStatus = codes(answer).stream().anyMatch(code -> STATUS.matcher(code).matches());
        if (!statesStatus && !sized) {
            throw new IllegalStateException(where + ": the answer states neither a `status` nor a file such as"
                    + " '640 × 427 JPEG' to check");
        }
        return new DocumentedUrl(url, answer, status, Optional.ofNullable(body),
                sized ? Optional.of(file.group(1) + "x" + file.group(2)) : Optional.empty(),
                sized ? Optional.of(file.group(3).toLowerCase(java.util.Locale.ROOT)) : Optional.empty(),
                headers, cacheStates);
    }

    private static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }

    @Override
    public String toString() {
        return url + " (documented: " + answer + ")";
    }
}
