package org.imagefactory.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class QueryArgumentsTest {

    @Test
    void readsThePictureArgumentsDecodedAsUtf8AndKeepsRepeatedValues() {
        Map<String, String[]> arguments = QueryArguments.parse(
                "scalex=1&%73caley=2&encoding=we%62p&quality=+7&sig=a%2Bb&scalex=3&v=9&&other");

        assertThat(arguments).containsOnlyKeys("scalex", "scaley", "encoding", "quality", "sig");
        assertThat(arguments.get("scalex")).containsExactly("1", "3");
        assertThat(arguments.get("scaley")).containsExactly("2");
        assertThat(arguments.get("encoding")).containsExactly("webp");
        assertThat(arguments.get("quality")).containsExactly(" 7");
        assertThat(arguments.get("sig")).containsExactly("a+b");
    }

    @Test
    void noQueryIsNoArguments() {
        assertThat(QueryArguments.parse(null)).isEmpty();
        assertThat(QueryArguments.parse("")).isEmpty();
    }

    @Test
    void aMalformedEscapeIsA400NamingTheArgument() {
        assertThatThrownBy(() -> QueryArguments.parse("scalex=1%zz"))
                .isInstanceOfSatisfying(HttpFailure.class, failure -> assertThat(failure.status()).isEqualTo(400))
                .hasMessageContaining("scalex=1%zz");
    }

    @Test
    void aMalformedEscapeInAnArgumentOfSomeoneElseIsIgnored() {
        Map<String, String[]> arguments = QueryArguments.parse("utm_content=50%off&scalex=100&100%=x&%zz&a%=b");

        assertThat(arguments).containsOnlyKeys("scalex");
        assertThat(arguments.get("scalex")).containsExactly("100");
    }
}
