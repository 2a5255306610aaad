package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cache names DESIGN.md promises: what the build plugin writes is exactly what the filter looks for. */
class CacheNamingTest {

    private static final SourceInfo PHOTO = new SourceInfo(Encoding.JPEG, 4000, 3000, 1, 1);

    private static String path(String source, SourceInfo info, String query) {
        return path(source, info, query, VariantSpec.STANDARD_QUALITY);
    }

    private static String path(String source, SourceInfo info, String query, int defaultQuality) {
        VariantSpec spec = VariantSpec.normalize(VariantRequest.fromQueryString(query), info, defaultQuality);
        return CacheNaming.variantPath(SourcePath.of(source), spec);
    }

    @ParameterizedTest(name = "{0}?{1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "cat.jpg        | scalex=400&scaley=300                          | cat.jpg/x-400-y-300-cat.jpeg",
        "cat.jpg        | scalex=400&scaley=300&encoding=jpeg            | cat.jpg/x-400-y-300-cat.jpeg",
        "cat.jpg        | scalex=400&scaley=300&encoding=jpg             | cat.jpg/x-400-y-300-cat.jpeg",
        "cat.jpg        | scalex=400&scaley=300&encoding=JPG             | cat.jpg/x-400-y-300-cat.jpeg",
        "cat.jpg        | scalex=400&scaley=300&quality=70               | cat.jpg/x-400-y-300-q-70-cat.jpeg",
        "cat.jpg        | scalex=400&scaley=300&quality=80               | cat.jpg/x-400-y-300-cat.jpeg",
        "cat.jpg        | scalex=400&scaley=300&encoding=webp&quality=5  | cat.jpg/x-400-y-300-q-5-cat.webp",
        "cat.jpg        | scalex=400&scaley=300&encoding=png&quality=50  | cat.jpg/x-400-y-300-cat.png",
        "cat.jpg        | scalex=400&scaley=300&encoding=gif&quality=50  | cat.jpg/x-400-y-300-cat.gif",
        "cat.jpg        | scalex=400&scaley=300&encoding=bmp&quality=50  | cat.jpg/x-400-y-300-cat.bmp",
        "photos/cat.jpg | scalex=400                                     | photos/cat.jpg/x-400-y-3000-cat.jpeg",
        "photos/cat.jpg | scaley=300                                     | photos/cat.jpg/x-4000-y-300-cat.jpeg",
        "photos/cat.jpg | ''                                             | photos/cat.jpg/x-4000-y-3000-cat.jpeg",
        "cat.jpg        | scalex=5000                                    | cat.jpg/x-4000-y-3000-cat.jpeg",
        "cat.jpg        | scalex=5000&scaley=99999                       | cat.jpg/x-4000-y-3000-cat.jpeg",
        "cat.jpg        | scalex=400.5&scaley=300.4                      | cat.jpg/x-401-y-300-cat.jpeg",
        "cat.jpg        | scalex=400.49999&scaley=0.5                    | cat.jpg/x-400-y-1-cat.jpeg",
        "cat.jpg        | scalex=0400                                    | cat.jpg/x-400-y-3000-cat.jpeg",
        "my.cat.photo.jpg | scalex=100                                   | my.cat.photo.jpg/x-100-y-3000-my.cat.photo.jpeg",
        "noext          | scalex=100                                     | noext/x-100-y-3000-noext.jpeg",
        "cat.jpg        | scalex=300&scaley=300&fit=cover&gravity=attention | cat.jpg/x-300-y-300-f-cover-g-attention-cat.jpeg",
        "cat.jpg        | scalex=300&scaley=300&fit=cover                | cat.jpg/x-300-y-300-f-cover-cat.jpeg",
        "cat.jpg        | scalex=300&scaley=300&fit=cover&gravity=center | cat.jpg/x-300-y-300-f-cover-cat.jpeg",
        "cat.jpg        | scalex=300&scaley=300&fit=cover&gravity=fp:0.25,1.0 | cat.jpg/x-300-y-300-f-cover-g-fp-0.25-1-cat.jpeg",
        "cat.jpg        | scalex=300&scaley=300&quality=60&fit=contain   | cat.jpg/x-300-y-300-q-60-f-contain-cat.jpeg",
        "cat.jpg        | scalex=300&scaley=300&fit=fill&gravity=north   | cat.jpg/x-300-y-300-f-fill-cat.jpeg",
        "cat.jpg        | scalex=300&scaley=300&fit=inside&gravity=north | cat.jpg/x-300-y-300-cat.jpeg",
        "cat.jpg        | scalex=300&fit=cover&gravity=north             | cat.jpg/x-300-y-3000-cat.jpeg",
        "cat.jpg        | scalex=300&scaley=300&fit=cover&dpr=2          | cat.jpg/x-600-y-600-f-cover-cat.jpeg",
        "cat.jpg        | scalex=3000&scaley=3000&fit=cover&dpr=2        | cat.jpg/x-3000-y-3000-f-cover-cat.jpeg",
        "cat.jpg        | scalex=8000&scaley=4000&fit=cover              | cat.jpg/x-4000-y-2000-f-cover-cat.jpeg",
        "cat.jpg        | scalex=8000&scaley=8000&fit=contain            | cat.jpg/x-4000-y-4000-f-contain-cat.jpeg",
        "cat.jpg        | scalex=200&dpr=1                               | cat.jpg/x-200-y-3000-cat.jpeg",
    })
    void namesAVariant(String source, String query, String expected) {
        assertThat(path(source, PHOTO, query)).isEqualTo(expected);
    }

    @Test
    void defaultEncodingIsTheFormatOfTheBytes() {
        SourceInfo png = new SourceInfo(Encoding.PNG, 640, 480, 1, 1);

        assertThat(path("icon.jpg", png, "scalex=64")).isEqualTo("icon.jpg/x-64-y-480-icon.png");
    }

    @Test
    void clampingUsesTheDisplayedSize() {
        SourceInfo portrait = new SourceInfo(Encoding.JPEG, 4000, 3000, 6, 1);

        assertThat(path("p.jpg", portrait, "scalex=5000&scaley=5000")).isEqualTo("p.jpg/x-3000-y-4000-p.jpeg");
    }

    @Test
    void requestsThatNormalizeAlikeShareOneFile() {
        assertThat(path("cat.jpg", PHOTO, "scalex=4000")).isEqualTo(path("cat.jpg", PHOTO, "scalex=123456"))
                .isEqualTo(path("cat.jpg", PHOTO, "scalex=4000&scaley=3000&encoding=jpeg&quality=80"))
                .isEqualTo(path("cat.jpg", PHOTO, ""));
        assertThat(path("cat.jpg", PHOTO, "scalex=400&encoding=png"))
                .isEqualTo(path("cat.jpg", PHOTO, "scalex=400&encoding=png&quality=10"));
    }

    @Test
    void sameNameInTwoFoldersNeverCollides() {
        assertThat(path("a/cat.jpg", PHOTO, "scalex=400")).isEqualTo("a/cat.jpg/x-400-y-3000-cat.jpeg")
                .isNotEqualTo(path("b/cat.jpg", PHOTO, "scalex=400"));
    }

    @Test
    void sameBaseNameInTwoFormatsNeverCollides() {
        SourceInfo png = new SourceInfo(Encoding.PNG, 4000, 3000, 1, 1);

        String fromJpeg = path("cat.jpg", PHOTO, "scalex=400&encoding=webp");
        String fromPng = path("cat.png", png, "scalex=400&encoding=webp");

        assertThat(fromJpeg).isEqualTo("cat.jpg/x-400-y-3000-cat.webp");
        assertThat(fromPng).isEqualTo("cat.png/x-400-y-3000-cat.webp");
    }

    @Test
    void aConfiguredDefaultQualityOtherThan80IsWrittenInTheName() {
        assertThat(path("cat.jpg", PHOTO, "scalex=400", 70)).isEqualTo("cat.jpg/x-400-y-3000-q-70-cat.jpeg");
        assertThat(path("cat.jpg", PHOTO, "scalex=400&quality=80", 70)).isEqualTo("cat.jpg/x-400-y-3000-cat.jpeg");
    }

    @Test
    void allVariantsOfASourceLiveInItsFolder() {
        assertThat(path("photos/cat.jpg", PHOTO, "scalex=10&encoding=gif")).startsWith("photos/cat.jpg/");
    }

    @ParameterizedTest(name = "{0} -> ''{1}''")
    @CsvSource({"cat.jpg, jpg", "CAT.JPEG, jpeg", "archive.tar.gz, gz", "noext, ''", ".hidden, ''"})
    void extensionIsLowerCaseWithoutTheDot(String name, String extension) {
        assertThat(CacheNaming.extension(name)).isEqualTo(extension);
    }

    @ParameterizedTest(name = "{0}?{1}")
    @CsvSource(delimiter = '|', value = {
        "cat.jpg          | scalex=400&scaley=300",
        "cat.jpg          | scalex=400&quality=70&encoding=webp",
        "my.holiday.png   | scalex=10&encoding=bmp",
        "cat.jpg          | scalex=400&scaley=300&quality=70&fit=cover&gravity=fp:0.333,1",
        "f-cover-cat.jpg  | scalex=400&scaley=300&fit=cover&gravity=southwest",
        "cat.jpg          | scalex=400&scaley=300&fit=contain",
    })
    void whatVariantPathNamesIsRecognisedAsAVariant(String source, String query) {
        String[] parts = path(source, PHOTO, query).split("/");

        assertThat(CacheNaming.isVariantFileName(parts[0], parts[1])).isTrue();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource(delimiter = '|', value = {
        "cat.jpg   | cat.jpg",
        "cat.jpg   | x-400-y-300-dog.jpeg",
        "cat.jpg   | x-400-y-300-cat.tiff",
        "cat.jpg   | x-0-y-300-cat.jpeg",
        "cat.jpg   | notes.txt",
        "photos    | x-400-y-300-photos.jpeg",
        "cat.jpg   | .x-400-y-300-cat.jpeg.123.tmp",
        "cat.jpg   | x-400-y-300-f-inside-cat.jpeg",
        "cat.jpg   | x-400-y-300-g-fp-2-0-cat.jpeg",
        "cat.jpg   | x-400-y-300-g-north-f-cover-cat.jpeg",
        "cat.jpg   | x-400-y-300-cat.JPEG",
    })
    void anyOtherFileIsNotAVariant(String folder, String file) {
        assertThat(CacheNaming.isVariantFileName(folder, file)).isFalse();
    }
}
