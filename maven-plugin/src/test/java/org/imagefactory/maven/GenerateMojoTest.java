package org.imagefactory.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.imagefactory.core.VariantManifest;
import org.imagefactory.core.VariantRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class GenerateMojoTest {

    /** Two variants as a user writes them in the POM. */
    private static final String POM = """
            <project>
              <build>
                <plugins>
                  <plugin>
                    <artifactId>imagefactory-maven-plugin</artifactId>
                    <configuration>
                      <threads>2</threads>
                      <variants>
                        <variant>
                          <scalex>200</scalex>
                          <encoding>jpg</encoding>
                        </variant>
                        <variant>
                          <scalex>100</scalex>
                          <scaley>100.4</scaley>
                          <encoding>WEBP</encoding>
                          <quality>70</quality>
                        </variant>
                      </variants>
                    </configuration>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    @TempDir
    Path project;

    Path sources;
    Path output;
    RecordingLog log;

    @BeforeEach
    void images() throws IOException {
        sources = project.resolve("src/main/webapp/pictures");
        output = project.resolve("target/site/WEB-INF/imagefactory");
        TestImages.write(sources.resolve("cat.jpg"), 400, 300, "jpeg");
        TestImages.write(sources.resolve("dogs/rex.PNG"), 300, 400, "png");
        log = new RecordingLog();
    }

    private GenerateMojo configure(GenerateMojo mojo) throws IllegalAccessException {
        setVariableValueToObject(mojo, "sourceDirectory", sources.toFile());
        setVariableValueToObject(mojo, "outputDirectory", output.toFile());
        setVariableValueToObject(mojo, "stateDirectory", project.resolve("target/imagefactory-state").toFile());
        setVariableValueToObject(mojo, "executionId", "default");
        mojo.setLog(log);
        return mojo;
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void writesEveryVariantAtItsCacheNamingPathAndTheManifest(GenerateMojo mojo) throws Exception {
        configure(mojo).execute();

        assertThat(TestImages.size(output.resolve("cat.jpg/x-200-y-300-cat.jpeg"))).containsExactly(200, 150);
        assertThat(TestImages.size(output.resolve("cat.jpg/x-100-y-100-q-70-cat.webp"))).containsExactly(100, 75);
        assertThat(TestImages.size(output.resolve("dogs/rex.PNG/x-200-y-400-rex.jpeg"))).containsExactly(200, 267);
        assertThat(TestImages.size(output.resolve("dogs/rex.PNG/x-100-y-100-q-70-rex.webp"))).containsExactly(75, 100);

        VariantManifest manifest = VariantManifest.read(output.resolve("imagefactory-manifest.txt"));
        assertThat(manifest.variants()).containsExactly(VariantRequest.of("200", null, "jpeg", null),
                VariantRequest.of("100", "100", "webp", "70"));
        assertThat(manifest.files()).containsExactly("cat.jpg/x-100-y-100-q-70-cat.webp",
                "cat.jpg/x-200-y-300-cat.jpeg", "dogs/rex.PNG/x-100-y-100-q-70-rex.webp",
                "dogs/rex.PNG/x-200-y-400-rex.jpeg");
        assertThat(log.summary()).startsWith("4 generated, 0 up to date, 0 removed, 0 failed; ");
        assertThat(project.resolve("target/imagefactory-state")).isDirectoryContaining("glob:**/state-*.txt");
        assertThat(output).isDirectoryNotContaining("glob:**/state-*");
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void aSecondRunDoesNoImageWorkAndATouchedSourceRedoesOnlyItsVariants(GenerateMojo mojo) throws Exception {
        configure(mojo).execute();
        Map<Path, FileTime> first = modificationTimes(output);

        mojo.execute();
        assertThat(log.summary()).startsWith("0 generated, 4 up to date, 0 removed, 0 failed; 0 B in -> 0 B out");
        assertThat(modificationTimes(output)).isEqualTo(first);

        Path cat = sources.resolve("cat.jpg");
        Files.setLastModifiedTime(cat, FileTime.fromMillis(Files.getLastModifiedTime(cat).toMillis() + 60_000));
        mojo.execute();
        assertThat(log.summary()).startsWith("2 generated, 2 up to date, 0 removed, 0 failed; ");
        Map<Path, FileTime> third = modificationTimes(output);
        Path rex = output.resolve("dogs/rex.PNG/x-200-y-400-rex.jpeg");
        Path catVariant = output.resolve("cat.jpg/x-200-y-300-cat.jpeg");
        assertThat(third.get(rex)).isEqualTo(first.get(rex));
        assertThat(third.get(catVariant)).isNotEqualTo(first.get(catVariant));
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void aChangedVariantIsRedoneAndOutputsOfDeletedSourcesAndVariantsAreRemoved(GenerateMojo mojo) throws Exception {
        configure(mojo).execute();

        Files.delete(sources.resolve("dogs/rex.PNG"));
        setVariableValueToObject(mojo, "variants",
                List.of(Variant.of("scalex", "200", "encoding", "jpeg", "quality", "90")));
        mojo.execute();

        assertThat(log.summary()).startsWith("1 generated, 0 up to date, 4 removed, 0 failed; ");
        assertThat(fileNames(output)).containsExactly("cat.jpg/x-200-y-300-q-90-cat.jpeg", "imagefactory-manifest.txt");
        assertThat(VariantManifest.read(output.resolve("imagefactory-manifest.txt")).files())
                .containsExactly("cat.jpg/x-200-y-300-q-90-cat.jpeg");
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void aBrokenImageFailsTheBuildNamingItWhileTheGoodOnesAreWritten(GenerateMojo mojo) throws Exception {
        Path broken = TestImages.truncatedJpeg(sources.resolve("broken.jpg"));
        Files.writeString(sources.resolve("notes.jpg"), "not a picture");

        assertThatThrownBy(configure(mojo)::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("2 of 4 source images could not be processed")
                .hasMessageContaining(broken + ": ")
                .hasMessageContaining(sources.resolve("notes.jpg") + ": not a JPEG, PNG, GIF, BMP or WebP image")
                .hasMessageContaining("<failOnError>false</failOnError>");
        assertThat(log.lines("ERROR")).anyMatch(line -> line.contains(broken.toString()));
        assertThat(output.resolve("cat.jpg/x-200-y-300-cat.jpeg")).isRegularFile();
        assertThat(output.resolve("dogs/rex.PNG/x-100-y-100-q-70-rex.webp")).isRegularFile();
        assertThat(output.resolve("broken.jpg")).doesNotExist();
        assertThat(log.summary()).startsWith("4 generated, 0 up to date, 0 removed, 4 failed; ");
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void withFailOnErrorFalseABrokenImageIsOnlyAWarning(GenerateMojo mojo) throws Exception {
        Path broken = TestImages.truncatedJpeg(sources.resolve("broken.jpg"));
        setVariableValueToObject(mojo, "failOnError", false);

        configure(mojo).execute();

        assertThat(log.lines("WARN")).anyMatch(line -> line.contains(broken.toString()))
                .anyMatch(line -> line.contains("1 of 3 source images could not be processed"));
        assertThat(log.lines("ERROR")).isEmpty();
        assertThat(output.resolve("cat.jpg/x-200-y-300-cat.jpeg")).isRegularFile();
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void anUnknownEncodingNamesThePomElementAndTheExpectedValues(GenerateMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "variants",
                List.of(Variant.of("scalex", "200"), Variant.of("scalex", "300", "encoding", "tiff")));

        assertThatThrownBy(configure(mojo)::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("<variants><variant>[2]<encoding>: invalid encoding='tiff': expected one of jpeg, jpg,"
                        + " png, gif, bmp, webp");
        assertThat(output).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void cropVariantsAreMadeAtTheirCacheNamingPathsAndBadGravitiesNameTheElement(GenerateMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "variants", List.of(
                Variant.of("scalex", "100", "scaley", "100", "fit", "cover", "gravity", "attention"),
                Variant.of("scalex", "100", "scaley", "50", "fit", "fill", "dpr", "2", "encoding", "png")));

        configure(mojo).execute();

        assertThat(TestImages.size(output.resolve("cat.jpg/x-100-y-100-f-cover-g-attention-cat.jpeg")))
                .containsExactly(100, 100);
        assertThat(TestImages.size(output.resolve("dogs/rex.PNG/x-200-y-100-f-fill-rex.png")))
                .containsExactly(200, 100);
        assertThat(VariantManifest.read(output.resolve("imagefactory-manifest.txt")).variants()).contains(
                VariantRequest.fromQueryString("scalex=100&scaley=100&fit=cover&gravity=attention"));

        setVariableValueToObject(mojo, "variants", List.of(Variant.of("scalex", "100", "gravity", "top")));
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("<variants><variant>[1]<gravity>: invalid gravity='top': expected center,");
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void aNegativeSizeNamesThePomElement(GenerateMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "variants", List.of(Variant.of("scalex", "-3", "encoding", "png")));

        assertThatThrownBy(configure(mojo)::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("<variants><variant>[1]<scalex>: invalid scalex='-3': expected a positive");
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void aMisspeltArgumentNamesThePomElementAndTheArgumentsThereAre(GenerateMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "variants", List.of(Variant.of("scalex", "200"), Variant.of("width", "300")));

        assertThatThrownBy(configure(mojo)::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("<variants><variant>[2]<width> is not a variant argument: expected <scalex>, <scaley>,"
                        + " <encoding>, <quality>, <fit>, <gravity>, <dpr>");
        assertThat(output).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void anEmptyVariantIsRefused(GenerateMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "variants", List.of(Variant.of()));

        assertThatThrownBy(configure(mojo)::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("<variants><variant>[1] is empty: expected at least one of <scalex>");
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void aMissingSourceDirectoryNamesTheElement(GenerateMojo mojo) throws Exception {
        configure(mojo);
        setVariableValueToObject(mojo, "sourceDirectory", project.resolve("no-such-folder").toFile());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("<sourceDirectory> " + project.resolve("no-such-folder") + " is not a folder");
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void anOutputDirectoryInsideTheSourcesIsRefused(GenerateMojo mojo) throws Exception {
        configure(mojo);
        setVariableValueToObject(mojo, "outputDirectory", sources.resolve("variants").toFile());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("<outputDirectory>")
                .hasMessageContaining("is inside <sourceDirectory>");
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void sourcesInsideTheOutputAreRefusedAndNothingIsTouched(GenerateMojo mojo) throws Exception {
        Path generated = project.resolve("target/generated");
        Path inside = generated.resolve("pictures");
        TestImages.write(inside.resolve("cat.jpg"), 400, 300, "jpeg");
        configure(mojo);
        setVariableValueToObject(mojo, "sourceDirectory", inside.toFile());
        setVariableValueToObject(mojo, "outputDirectory", generated.toFile());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("<sourceDirectory> " + inside + " is inside <outputDirectory> " + generated
                        + ": expected the sources outside the folder of generated files");

        Path link = Files.createSymbolicLink(project.resolve("linked-output"), generated);
        setVariableValueToObject(mojo, "outputDirectory", link.toFile());
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("is inside <outputDirectory> " + link);
        assertThat(fileNames(generated)).containsExactly("pictures/cat.jpg");
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void twoExecutionsWritingToOneOutputFolderKeepEachOthersVariants(GenerateMojo mojo) throws Exception {
        Path banners = project.resolve("src/main/banners");
        TestImages.write(banners.resolve("top.png"), 600, 200, "png");
        configure(mojo);
        for (int build = 0; build < 2; build++) {
            setVariableValueToObject(mojo, "executionId", "pictures");
            setVariableValueToObject(mojo, "sourceDirectory", sources.toFile());
            setVariableValueToObject(mojo, "variants", List.of(Variant.of("scalex", "200", "encoding", "jpeg")));
            mojo.execute();
            setVariableValueToObject(mojo, "executionId", "banners");
            setVariableValueToObject(mojo, "sourceDirectory", banners.toFile());
            setVariableValueToObject(mojo, "variants", List.of(Variant.of("scalex", "300", "encoding", "png")));
            mojo.execute();
            assertThat(log.summary()).contains(" 0 removed, ");
        }

        List<String> variants = List.of("cat.jpg/x-200-y-300-cat.jpeg", "dogs/rex.PNG/x-200-y-400-rex.jpeg",
                "top.png/x-300-y-200-top.png");
        assertThat(fileNames(output)).containsExactlyElementsOf(
                Stream.concat(variants.stream(), Stream.of("imagefactory-manifest.txt")).sorted().toList());
        assertThat(TestImages.size(output.resolve("top.png/x-300-y-200-top.png"))).containsExactly(300, 100);
        VariantManifest manifest = VariantManifest.read(output.resolve("imagefactory-manifest.txt"));
        assertThat(manifest.files()).containsExactlyElementsOf(variants);
        assertThat(manifest.variants()).containsExactlyInAnyOrder(VariantRequest.of("200", null, "jpeg", null),
                VariantRequest.of("300", null, "png", null));
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void zeroThreadsNamesTheElement(GenerateMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "threads", 0);

        assertThatThrownBy(configure(mojo)::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("<threads> is 0: expected a whole number of at least 1");
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void aSourceOverMaxSourcePixelsFailsNamingTheLimit(GenerateMojo mojo) throws Exception {
        TestImages.write(sources.resolve("poster.png"), 500, 300, "png");
        setVariableValueToObject(mojo, "maxSourcePixels", 140_000L);

        assertThatThrownBy(configure(mojo)::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining(sources.resolve("poster.png") + ": 500x300 is 150000 pixels; the limit is 140000");
        assertThat(output.resolve("cat.jpg/x-200-y-300-cat.jpeg")).isRegularFile();
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void includesAndExcludesPickTheSources(GenerateMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "excludes", List.of("dogs/**"));

        configure(mojo).execute();

        assertThat(fileNames(output)).allMatch(name -> !name.startsWith("dogs/"));
        assertThat(log.summary()).startsWith("2 generated, ");
    }

    @Test
    @InjectMojo(goal = "generate", pom = POM)
    void skipDoesNothing(GenerateMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "skip", true);

        configure(mojo).execute();

        assertThat(output).doesNotExist();
        assertThat(log.lines("INFO")).containsExactly("[imagefactory] skipped (imagefactory.skip)");
    }

    @Test
    @InjectMojo(goal = "generate", pom = "<project><build><plugins><plugin>"
            + "<artifactId>imagefactory-maven-plugin</artifactId></plugin></plugins></build></project>")
    void withoutVariantsThereIsNothingToDo(GenerateMojo mojo) throws Exception {
        configure(mojo).execute();

        assertThat(output).doesNotExist();
        assertThat(log.lines("INFO")).containsExactly("[imagefactory] no <variants> configured: nothing to generate");
    }

    private static Map<Path, FileTime> modificationTimes(Path root) throws IOException {
        Map<Path, FileTime> times = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                times.put(file, Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    private static List<String> fileNames(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace(File.separatorChar, '/'))
                    .sorted().toList();
        }
    }
}
