package org.imagefactory.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The filter's own path checks, for the raw paths a container may let through (containers differ). */
class RequestPathTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "../WEB-INF/web.xml", "photos/../../secret.txt", "%2e%2e/secret.txt", "%2E%2E/%2e%2E/secret.txt",
            "..%2fsecret.txt", "photos%2f..%2f..%2fsecret.txt", "%2fetc%2fpasswd", "..%5csecret.txt",
            "photos\\..\\secret.txt", "cat.jpg%00.png", "cat.jpg%00", "/etc/passwd", "photos//cat.jpg",
            "./cat.jpg", "photos/./cat.jpg", "photos/", "", "WEB-INF/web.xml", "photos/web-inf/x.jpg",
            "META-INF/MANIFEST.MF", "%c0%ae%c0%ae/secret.txt", "%ff.jpg", "cat.jpg%", "cat.jpg%2", "cat%zz.jpg",
            "cat.jpg;jsessionid=1", "C:/secret.txt", "photos/%0acat.jpg",
    })
    void escapesAndHiddenFoldersAreNotFound(String raw) {
        assertThatThrownBy(() -> RequestPath.parse(raw)).isInstanceOfSatisfying(HttpFailure.class,
                failure -> assertThat(failure.status()).isEqualTo(404));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            photos/cat.jpg              | photos/cat.jpg
            photos/black%20cat.jpg      | photos/black cat.jpg
            photos/%252e%252e.jpg       | photos/%2e%2e.jpg
            photos/caf%C3%A9.jpg        | photos/café.jpg
            photos/..cat.jpg            | photos/..cat.jpg
            """)
    void ordinaryPathsAreDecodedExactlyOnce(String raw, String expected) {
        assertThat(RequestPath.parse(raw).value()).isEqualTo(expected);
    }
}
