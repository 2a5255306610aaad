package org.imagefactory.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class UrlSignerTest {

    private final UrlSigner signer = new UrlSigner("my-secret");

    @Test
    void signsTheDocumentedMessageAsOpensslDoes() {
        // printf '%s' 'photos/cat.jpg?scalex=500&encoding=webp' | openssl dgst -sha256 -hmac 'my-secret'
        assertThat(signer.sign("photos/cat.jpg", "encoding=webp&scalex=500&v=2"))
                .isEqualTo("e18b2af328b45039d42c9a47630822f0cfbdec835633560514c3a178e3de6b8d");
    }

    @Test
    void verifiesOnlyTheSignedPathAndArguments() {
        String sig = signer.sign("photos/cat.jpg", "scalex=500");
        assertThat(signer.verify("photos/cat.jpg", Map.of("scalex", new String[] {"500"}, "sig", new String[] {sig})))
                .isTrue();
        assertThat(signer.verify("photos/cat.jpg", Map.of("scalex", new String[] {"500"},
                "sig", new String[] {sig.toUpperCase()}))).isTrue();
        assertThat(signer.verify("photos/cat.jpg", Map.of("scalex", new String[] {"501"}, "sig", new String[] {sig})))
                .isFalse();
        assertThat(signer.verify("photos/dog.jpg", Map.of("scalex", new String[] {"500"}, "sig", new String[] {sig})))
                .isFalse();
        assertThat(new UrlSigner("other").verify("photos/cat.jpg",
                Map.of("scalex", new String[] {"500"}, "sig", new String[] {sig}))).isFalse();
        assertThat(signer.verify("photos/cat.jpg", Map.of("scalex", new String[] {"500"},
                "sig", new String[] {sig, sig}))).isFalse();
    }
}
