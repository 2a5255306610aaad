package org.imagefactory.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.imagefactory.core.ImageFactoryException.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The URL contract's arguments: what is accepted, and for everything else a message a user can act on. */
class VariantRequestTest {

    private static ImageFactoryException refused(Map<String, String[]> arguments) {
        ImageFactoryException e = catchThrowableOfType(ImageFactoryException.class,
                () -> VariantRequest.fromArguments(arguments));
        assertThat(e).as("refusal of %s", arguments.keySet()).isNotNull();
        assertThat(e.failure()).isEqualTo(Failure.INVALID_ARGUMENT);
        return e;
    }

    @ParameterizedTest(name = "scalex=''{0}''")
    @ValueSource(strings = {"", " ", "abc", "0", "00", "0.0", "0.4", "0.49", "-1", "-400", "+400", "NaN", "nan",
        "Infinity", "-Infinity", "1e3", "1E3", "0x10", "0X1F", "4OO", "400px", "400,5", "400.", ".5", "1.2.3",
        "4 00", "9999999999999", "1234567890123.5", "0.1234567890123", "١٢٣", "400\u0000", "400%00"})
    void badDimensionsAreRefusedNamingArgumentValueAndExpectation(String value) {
        for (String argument : new String[] {"scalex", "scaley"}) {
            ImageFactoryException e = refused(Map.of(argument, new String[] {value}));

            assertThat(e.getMessage()).startsWith("invalid " + argument + "=")
                    .contains("expected a positive number of pixels");
            String printable = value.replace("\u0000", "\\x00");
            assertThat(e.getMessage()).contains("'" + printable + "'");
        }
    }

    @ParameterizedTest(name = "scalex={0} -> {1}")
    @CsvSource({"400, 400", "1, 1", "0.5, 1", "400.5, 401", "400.4, 400", "400.49999, 400", "400.50000, 401",
        "399.99, 400", "' 400 ', 400", "0400, 400", "999999999999, 2147483647", "2147483648, 2147483647",
        "123456789012.999999999999, 2147483647"})
    void dimensionsAreRoundedHalfUp(String value, int expected) {
        VariantRequest request = VariantRequest.of(value, value, null, null);

        assertThat(request.scalex()).isEqualTo(expected);
        assertThat(request.scaley()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "encoding={0} -> {1}")
    @CsvSource({"jpeg, JPEG", "jpg, JPEG", "JPG, JPEG", "Jpeg, JPEG", "png, PNG", "PNG, PNG", "gif, GIF",
        "bmp, BMP", "webp, WEBP", "WebP, WEBP"})
    void encodingsAreCaseInsensitive(String value, Encoding expected) {
        assertThat(VariantRequest.of(null, null, value, null).encoding()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "encoding=''{0}''")
    @ValueSource(strings = {"", "tiff", "jpe", "jpeg ", "image/png", "png8", "auto", "svg", "heic"})
    void unknownEncodingIsRefusedWithTheChoices(String value) {
        ImageFactoryException e = refused(Map.of("encoding", new String[] {value}));

        assertThat(e.getMessage()).isEqualTo(
                "invalid encoding='" + value + "': expected one of jpeg, jpg, png, gif, bmp, webp");
    }

    @ParameterizedTest(name = "quality=''{0}''")
    @ValueSource(strings = {"", "0", "101", "50.5", "50.0", "-5", "+50", "abc", "1e2", "0x32", "1000", "NaN"})
    void badQualityIsRefused(String value) {
        ImageFactoryException e = refused(Map.of("quality", new String[] {value}));

        assertThat(e.getMessage()).isEqualTo("invalid quality='" + value + "': expected a whole number from 1 to 100");
    }

    @ParameterizedTest(name = "quality={0}")
    @ValueSource(ints = {1, 50, 80, 100})
    void qualityFrom1To100IsAccepted(int quality) {
        assertThat(VariantRequest.of(null, null, null, String.valueOf(quality)).quality()).isEqualTo(quality);
    }

    @Test
    void qualityWithLeadingZeroIsAccepted() {
        assertThat(VariantRequest.of(null, null, null, "050").quality()).isEqualTo(50);
    }

    @Test
    void repeatedArgumentWithTheSameValueIsAccepted() {
        VariantRequest request = VariantRequest.fromArguments(Map.of(
                "scalex", new String[] {"400", "400"}, "encoding", new String[] {"webp", "webp", "webp"}));

        assertThat(request).isEqualTo(new VariantRequest(400, null, Encoding.WEBP, null));
    }

    @Test
    void repeatedArgumentWithTwoValuesIsRefusedNamingBoth() {
        ImageFactoryException e = refused(Map.of("scalex", new String[] {"400", "500"}));

        assertThat(e.getMessage()).startsWith("invalid scalex=").contains("400", "500", "expected one value");
    }

    @Test
    void spellingsOfOneValueAreStillTwoValues() {
        ImageFactoryException e = refused(Map.of("encoding", new String[] {"jpg", "jpeg"}));

        assertThat(e.getMessage()).contains("encoding", "jpg", "jpeg", "expected one value");
    }

    @Test
    void unknownArgumentsAreIgnored() {
        VariantRequest request = VariantRequest.fromArguments(Map.of(
                "v", new String[] {"3", "4"}, "scalex", new String[] {"200"}, "SCALEX", new String[] {"abc"}));

        assertThat(request).isEqualTo(new VariantRequest(200, null, null, null));
    }

    @Test
    void noArgumentIsTheOriginal() {
        assertThat(VariantRequest.fromArguments(Map.of()).isOriginal()).isTrue();
        assertThat(VariantRequest.fromArguments(Map.of("v", new String[] {"1"})).isOriginal()).isTrue();
        assertThat(VariantRequest.of("1", null, null, null).isOriginal()).isFalse();
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"scalex=320", "scalex=320&scaley=240&encoding=webp&quality=70", "encoding=png",
        "scaley=1&quality=100", "", "scalex=300&scaley=300&fit=cover&gravity=attention&dpr=2",
        "scalex=1&scaley=1&fit=contain&dpr=1.25", "fit=fill", "gravity=fp:0.3,0.75", "gravity=southeast"})
    void queryStringRoundTrips(String query) {
        VariantRequest request = VariantRequest.fromQueryString(query);

        assertThat(request.toQueryString()).isEqualTo(query);
    }

    @Test
    void queryStringIsCanonical() {
        assertThat(VariantRequest.fromQueryString("quality=70&encoding=JPG&scaley=300.5&scalex=400").toQueryString())
                .isEqualTo("scalex=400&scaley=301&encoding=jpeg&quality=70");
        assertThat(VariantRequest.fromQueryString("dpr=2.50&gravity=FP:0.50,1.000&fit=Cover&scalex=10")
                .toQueryString()).isEqualTo("scalex=10&fit=cover&gravity=fp:0.5,1&dpr=2.5");
    }

    @Test
    void aGravityBuiltInCodeIsOneItsNameCanTell() {
        assertThat(Gravity.focalPoint(0.1234, 0.5).argument()).isEqualTo("fp:0.123,0.5");
        assertThat(Gravity.focalPoint(0.1234, 0.5)).isEqualTo(Gravity.parse("fp:0.123,0.5"));
        assertThatThrownBy(() -> new Gravity(Gravity.Kind.NORTH, 0.3, 0.3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("focal point");
    }

    @Test
    void theDevicePixelRatioIsMultipliedIntoTheBoxRoundedToThePixel() {
        VariantRequest request = VariantRequest.fromQueryString("scalex=333&scaley=101&dpr=1.5").atDevicePixels();

        assertThat(request.scalex()).isEqualTo(500);
        assertThat(request.scaley()).isEqualTo(152);
        assertThat(request.dpr()).isNull();
    }

    @Test
    void constructedRequestsAreCheckedToo() {
        assertThat(catchThrowableOfType(ImageFactoryException.class, () -> new VariantRequest(0, null, null, null))
                .getMessage()).isEqualTo("invalid scalex='0': expected a positive number of pixels");
        assertThat(catchThrowableOfType(ImageFactoryException.class, () -> new VariantRequest(null, null, null, 101))
                .getMessage()).isEqualTo("invalid quality='101': expected a whole number from 1 to 100");
    }

    @Test
    void backgroundColourIsParsedOrRefusedByName() {
        assertThat(PipelineOptions.parseColor("#3366CC").getRGB() & 0xFFFFFF).isEqualTo(0x3366CC);
        assertThat(PipelineOptions.parseColor("ffffff").getRGB() & 0xFFFFFF).isEqualTo(0xFFFFFF);
        ImageFactoryException e = catchThrowableOfType(ImageFactoryException.class,
                () -> PipelineOptions.parseColor("white"));
        assertThat(e.failure()).isEqualTo(Failure.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("background", "'white'", "#rrggbb");
    }
}
