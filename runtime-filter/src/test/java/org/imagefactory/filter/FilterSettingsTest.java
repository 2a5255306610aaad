package org.imagefactory.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.time.Duration;
import java.util.Map;

import org.imagefactory.core.Encoding;
import org.imagefactory.core.Fit;
import org.imagefactory.core.Gravity;
import org.imagefactory.core.SourceInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        FilterSettings settings = FilterSettings.read(name -> null);
        assertThat(settings.sourceRoot()).isEqualTo("/pictures");
        assertThat(settings.pregeneratedRoot()).isEqualTo("/WEB-INF/imagefactory");
        assertThat(settings.cacheDir()).isNull();
        assertThat(settings.sizePolicy()).isEqualTo(SizePolicy.SNAP);
        assertThat(settings.maxSourcePixels()).isEqualTo(50_000_000L);
        assertThat(settings.maxConcurrent()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(settings.cacheMaxBytes()).isEqualTo(1L << 30);
        assertThat(settings.cacheControl()).isEqualTo("public, max-age=86400");
        assertThat(settings.defaultQuality()).isEqualTo(80);
        assertThat(settings.background()).isEqualTo(Color.WHITE);
        assertThat(settings.fileCheckInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.allowLinking()).isFalse();
    }

    @Test
    void valuesAreReadInTheirUsualSpellings() {
        Map<String, String> params = Map.of("sizePolicy", "Strict", "allowedSizes", "200, 100 300",
                "allowedQualities", "90,60", "queueTimeout", "500ms", "cacheMaxBytes", "512m", "background", "#000000",
                "maxSourcePixels", "24_000_000", "allowLinking", "TRUE", "allowedFits", "Cover contain",
                "allowedGravities", "fp:0.3,0.7, north,attention");
        FilterSettings settings = FilterSettings.read(params::get);
        assertThat(settings.sizePolicy()).isEqualTo(SizePolicy.STRICT);
        assertThat(settings.allowedSizes()).containsExactly(100, 200, 300);
        assertThat(settings.allowedQualities()).containsExactly(60, 90);
        assertThat(settings.queueTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.cacheMaxBytes()).isEqualTo(512L << 20);
        assertThat(settings.background()).isEqualTo(Color.BLACK);
        assertThat(settings.maxSourcePixels()).isEqualTo(24_000_000L);
        assertThat(settings.allowLinking()).isTrue();
        assertThat(settings.allowedFits()).containsExactly(Fit.COVER, Fit.CONTAIN);
        assertThat(settings.allowedGravities()).containsExactly(Gravity.focalPoint(0.3, 0.7), Gravity.parse("north"),
                Gravity.ATTENTION);
        assertThat(FilterSettings.read(Map.of("queueTimeout", "2.5")::get).queueTimeout())
                .isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void theGenerationTimeoutIsPerMegapixelByDefaultOrFixedAsWritten() {
        SourceInfo twelveMegapixels = new SourceInfo(Encoding.JPEG, 4000, 3000, 1, 1);
        SourceInfo tiny = new SourceInfo(Encoding.PNG, 16, 16, 1, 1);
        FilterSettings defaults = FilterSettings.read(name -> null);
        assertThat(defaults.generationTimeout(twelveMegapixels)).isEqualTo(Duration.ofSeconds(24));
        assertThat(defaults.generationTimeout(tiny)).isEqualTo(Duration.ofSeconds(2));
        FilterSettings fixed = FilterSettings.read(Map.of("generationTimeout", "50ms")::get);
        assertThat(fixed.generationTimeout(twelveMegapixels)).isEqualTo(Duration.ofMillis(50));
        FilterSettings perMegapixel = FilterSettings.read(Map.of("generationTimeout", "500ms/mp")::get);
        assertThat(perMegapixel.generationTimeout(twelveMegapixels)).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void theGenerationMemoryIsAShareOfTheHeapOrASize() {
        long heap = Runtime.getRuntime().maxMemory();
        assertThat(FilterSettings.read(name -> null).generationMemory()).isEqualTo(heap / 100 * 50);
        assertThat(FilterSettings.read(Map.of("generationMemory", "25%")::get).generationMemory())
                .isEqualTo((long) (heap * 0.25));
        assertThat(FilterSettings.read(Map.of("generationMemory", "300m")::get).generationMemory())
                .isEqualTo(300L << 20);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            sizePolicy     | loose | snap, strict or any
            allowedSizes   | 100,x | positive whole numbers
            allowedQualities | 80,101 | whole numbers from 1 to 100
            allowedFits    | cover,crop | inside, cover, contain, fill
            allowedGravities | north,fp:2,0 | fp:0.3,0.7
            maxConcurrent  | 0     | from 1
            defaultQuality | 101   | from 1 to 100
            queueTimeout   | soon  | such as 10s
            fileCheckInterval | -1s | such as 10s
            cacheMaxBytes  | 1t    | 512m or 1g
            background     | red   | #rrggbb
            allowLinking   | yes   | true or false
            generationTimeout | 0s  | such as 2s/MP
            generationTimeout | fast/MP | such as 2s/MP
            generationMemory | 150% | such as 50%
            """)
    void aBadValueNamesTheParameterTheValueAndWhatWasExpected(String name, String value, String expected) {
        assertThatThrownBy(() -> FilterSettings.read(Map.of(name, value)::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("init-param " + name)
                .hasMessageContaining("imagefactory." + name)
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining(expected);
    }
}
