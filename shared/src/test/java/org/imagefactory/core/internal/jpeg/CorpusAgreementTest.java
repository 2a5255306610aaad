package org.imagefactory.core.internal.jpeg;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same agreement with {@code djpeg -scale 1/N} on real photos: the reference corpus
 * ({@code ../shared/bench/corpus.sh DIR}) when {@code IMAGEFACTORY_CORPUS} names its folder. Photos are not
 * committed, so without it this test is skipped.
 */
class CorpusAgreementTest {

    static Stream<Path> photos() throws Exception {
        String corpus = System.getenv("IMAGEFACTORY_CORPUS");
        if (corpus == null || !Files.isDirectory(Path.of(corpus))) {
            return Stream.of((Path) null);
        }
        try (Stream<Path> files = Files.list(Path.of(corpus))) {
            return files.filter(f -> f.getFileName().toString().toLowerCase().matches(".*\\.jpe?g")).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("photos")
    void agreesWithDjpegAtEveryScale(Path photo) throws Exception {
        assumeTrue(photo != null, "set IMAGEFACTORY_CORPUS to a folder of JPEG photos to run this test");
        Libjpeg.require();
        byte[] jpeg = Files.readAllBytes(photo);
        LibjpegAgreementTest.assertAgreement(jpeg);
    }
}
