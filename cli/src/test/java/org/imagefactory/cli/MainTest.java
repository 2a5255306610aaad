package org.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line as a user runs it: files on disk in, files on disk and one line per file out. */
class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Main(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8)).run(args);
    }

    private List<String> out() {
        return stdout.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private List<String> err() {
        return stderr.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private Path image(String relative, int width, int height, Color color, String format) throws IOException {
        return Fixtures.write(Fixtures.filled(width, height, color), format, dir.resolve("src").resolve(relative));
    }

    /** Every regular file under a folder, relative to it, with forward slashes, sorted. */
    private static List<String> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Test
    void folderIsWrittenAtCacheNamingPathsWithoutCollisions() throws IOException {
        image("a/cat.jpg", 400, 300, Color.RED, "jpeg");
        image("b/cat.jpg", 400, 300, Color.GREEN, "jpeg");
        image("cat.png", 300, 400, Color.BLUE, "png");
        Path out = dir.resolve("out");

        int status = run("--out", out.toString(), "--scalex", "200", "--encoding", "webp", dir.resolve("src").toString());

        assertThat(status).as(String.join("\n", err())).isZero();
        assertThat(files(out)).containsExactly(
                "a/cat.jpg/x-200-y-300-cat.webp",
                "b/cat.jpg/x-200-y-300-cat.webp",
                "cat.png/x-200-y-400-cat.webp");
        BufferedImage red = ImageIO.read(out.resolve("a/cat.jpg/x-200-y-300-cat.webp").toFile());
        BufferedImage green = ImageIO.read(out.resolve("b/cat.jpg/x-200-y-300-cat.webp").toFile());
        BufferedImage blue = ImageIO.read(out.resolve("cat.png/x-200-y-400-cat.webp").toFile());
        assertThat(red.getWidth()).isEqualTo(200);
        assertThat(red.getHeight()).isEqualTo(150);
        Fixtures.assertColor(red, 100, 75, Color.RED, 16);
        Fixtures.assertColor(green, 100, 75, Color.GREEN, 16);
        assertThat(blue.getWidth()).isEqualTo(200);
        assertThat(blue.getHeight()).isEqualTo(267);
        Fixtures.assertColor(blue, 100, 133, Color.BLUE, 16);
        assertThat(err()).isEmpty();
    }

    @Test
    void anOutputFolderInsideTheSourcesIsNeverReadBackAsSources() throws IOException {
        image("cat.jpg", 400, 300, Color.RED, "jpeg");
        Path out = dir.resolve("src").resolve("out");

        assertThat(run("--out", out.toString(), "--scalex", "100", "--encoding", "webp", dir.resolve("src").toString()))
                .isZero();
        assertThat(run("--out", out.toString(), "--scalex", "100", "--encoding", "webp", dir.resolve("src").toString()))
                .isZero();

        assertThat(files(out)).containsExactly("cat.jpg/x-100-y-300-cat.webp");
    }

    @Test
    void printsPathSizeBytesAndMillisecondsPerOutput() throws IOException {
        Path source = image("cat.jpg", 400, 300, Color.RED, "jpeg");
        Path out = dir.resolve("out");

        int status = run("--out", out.toString(), "--scalex", "100", "--quality", "70", source.toString());

        assertThat(status).isZero();
        Path written = out.resolve("cat.jpg").resolve("x-100-y-300-q-70-cat.jpeg");
        assertThat(out()).hasSize(1);
        String[] fields = out().get(0).split("  ");
        assertThat(fields).hasSize(4);
        assertThat(fields[0]).isEqualTo(written.toString());
        assertThat(fields[1]).isEqualTo("100x75");
        assertThat(Long.parseLong(fields[2])).isEqualTo(Files.size(written));
        assertThat(fields[3]).as("milliseconds").matches("[0-9]+");
    }

    @Test
    void noArgumentMeansTheSourceSizeInItsOwnFormat() throws IOException {
        Path source = image("pic.png", 30, 20, Color.RED, "png");
        Path out = dir.resolve("out");

        assertThat(run("--out", out.toString(), source.toString())).isZero();

        assertThat(files(out)).containsExactly("pic.png/x-30-y-20-pic.png");
    }

    @Test
    void failedFilesAreReportedOneLineEachWhileTheOthersAreDone() throws IOException {
        image("good.jpg", 400, 300, Color.RED, "jpeg");
        image("z-good.png", 40, 30, Color.BLUE, "png");
        Path src = dir.resolve("src");
        Files.write(src.resolve("empty.jpg"), new byte[0]);
        Files.writeString(src.resolve("notes.png"), "not an image");
        byte[] jpeg = Files.readAllBytes(src.resolve("good.jpg"));
        Files.write(src.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        Files.write(src.resolve("bomb.png"), bomb());
        Path out = dir.resolve("out");

        long start = System.nanoTime();
        int status = run("--out", out.toString(), "--scalex", "20", "--threads", "2", src.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(status).isEqualTo(1);
        assertThat(files(out)).containsExactly("good.jpg/x-20-y-300-good.jpeg", "z-good.png/x-20-y-30-z-good.png");
        assertThat(out()).hasSize(2);
        assertThat(err()).hasSize(4);
        assertThat(err()).anySatisfy(line -> assertThat(line).contains(src.resolve("empty.jpg").toString(), "empty"));
        assertThat(err()).anySatisfy(line -> assertThat(line).contains(src.resolve("notes.png").toString(), "not a"));
        assertThat(err()).anySatisfy(line -> assertThat(line).contains(src.resolve("cut.jpg").toString()));
        assertThat(err()).anySatisfy(line -> assertThat(line)
                .contains(src.resolve("bomb.png").toString(), "100000x100000", "maxSourcePixels"));
        assertThat(err()).allSatisfy(line -> assertThat(line).startsWith("error: " + src));
        assertThat(millis).as("milliseconds for six small files").isLessThan(10_000);
    }

    @Test
    void filesOfOtherFormatsInAFolderAreListedAsSkippedAndDoNotFailTheRun() throws IOException {
        image("photos/cat.png", 40, 30, Color.BLUE, "png");
        Path src = dir.resolve("src");
        Files.writeString(src.resolve("photos/scan.tif"), "a TIFF we do not read");
        Files.writeString(src.resolve("readme.txt"), "notes");
        Files.writeString(src.resolve(".DS_Store"), "the system's");
        Files.createDirectories(src.resolve(".git"));
        Files.writeString(src.resolve(".git/HEAD"), "a tool's");
        Path out = dir.resolve("out");

        int status = run("--out", out.toString(), "--scalex", "20", src.toString());

        assertThat(status).as(String.join("\n", err())).isZero();
        assertThat(files(out)).containsExactly("photos/cat.png/x-20-y-30-cat.png");
        assertThat(err()).containsExactly(
                "skipped " + src.resolve("photos/scan.tif") + ": TIFF is not a format imagefactory reads"
                        + " (it reads .jpg, .jpeg, .png, .gif, .bmp, .webp)",
                "skipped " + src.resolve("readme.txt") + ": .txt is not an image file imagefactory reads"
                        + " (it reads .jpg, .jpeg, .png, .gif, .bmp, .webp)");
    }

    @ParameterizedTest
    @CsvSource({"--help", "-h", "--out OUT --help"})
    void helpDescribesEveryOptionWithItsDefaultAndExitsZero(String line) throws IOException {
        int status = run(line.replace("OUT", dir.resolve("out").toString()).split(" "));

        assertThat(status).isZero();
        assertThat(err()).isEmpty();
        assertThat(out().get(0)).startsWith("usage: imagefactory --out DIR");
        for (String option : List.of("--out", "--scalex", "--scaley", "--encoding", "--quality", "--threads",
                "--max-source-pixels", "--background", "--progressive", "--help")) {
            assertThat(out()).as("the help's line for " + option)
                    .anySatisfy(help -> assertThat(help).matches("  (-h, )?" + option + " .*\\S.*"));
        }
        assertThat(out()).filteredOn(help -> help.startsWith("  --") && !help.startsWith("  --out"))
                .allSatisfy(help -> assertThat(help).contains("(default: "));
        assertThat(files(dir.resolve("out"))).isEmpty();
    }

    @Test
    void aFileNameThatCannotBeACachePathIsOneFailureNotTheEndOfTheRun() throws IOException {
        image("good.png", 40, 30, Color.BLUE, "png");
        image("back\\slash.png", 40, 30, Color.RED, "png");
        Path out = dir.resolve("out");

        int status = run("--out", out.toString(), "--scalex", "20", dir.resolve("src").toString());

        assertThat(status).isEqualTo(1);
        assertThat(files(out)).containsExactly("good.png/x-20-y-30-good.png");
        assertThat(err()).singleElement().asString().contains("back\\slash.png", "backslash");
    }

    @Test
    void missingSourceIsAFailedFile() throws IOException {
        Path good = image("good.png", 40, 30, Color.BLUE, "png");
        Path missing = dir.resolve("missing.png");
        Path out = dir.resolve("out");

        int status = run("--out", out.toString(), missing.toString(), good.toString());

        assertThat(status).isEqualTo(1);
        assertThat(files(out)).containsExactly("good.png/x-40-y-30-good.png");
        assertThat(err()).containsExactly("error: " + missing + ": no such file");
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
        "''                                  | --out DIR is required",
        "--out                               | --out needs a value",
        "--out OUT                           | no source file or folder given",
        "SRC                                 | --out DIR is required",
        "--out OUT --scalex abc SRC          | invalid scalex='abc': expected a positive number of pixels",
        "--out OUT --scaley 0 SRC            | invalid scaley='0'",
        "--out OUT --encoding tiff SRC       | invalid encoding='tiff': expected one of jpeg",
        "--out OUT --quality 101 SRC         | invalid quality='101': expected a whole number from 1 to 100",
        "--out OUT --threads 0 SRC           | --threads expects a positive whole number, got '0'",
        "--out OUT --max-source-pixels x SRC | --max-source-pixels expects a positive whole number, got 'x'",
        "--out OUT --background red SRC      | invalid background 'red'",
        "--out OUT --frobnicate SRC          | unknown option --frobnicate",
    })
    void usageErrorsExitWith2AndSayWhatIsWrong(String line, String message) throws IOException {
        Path source = image("cat.png", 40, 30, Color.RED, "png");
        String[] args = line.isEmpty() ? new String[0] : line.replace("OUT", dir.resolve("out").toString())
                .replace("SRC", source.toString()).split(" ");

        int status = run(args);

        assertThat(status).isEqualTo(2);
        assertThat(err()).hasSize(2);
        assertThat(err().get(0)).startsWith("imagefactory: ").contains(message);
        assertThat(err().get(1)).startsWith("usage: imagefactory --out DIR");
        assertThat(files(dir.resolve("out"))).isEmpty();
    }

    /** The same bomb as DecompressionBombTest, small enough to write inline: a PNG header claiming 100000². */
    private static byte[] bomb() {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] ihdr = java.nio.ByteBuffer.allocate(13).putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 2)
                .array();
        png.writeBytes(Fixtures.pngChunk("IHDR", ihdr));
        png.writeBytes(Fixtures.pngChunk("IEND", new byte[0]));
        return png.toByteArray();
    }
}
