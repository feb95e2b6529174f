package org.meshgov.infra.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBody() {
        // the worked example of the HMAC article on Wikipedia, checked with openssl dgst -sha256 -hmac key
        assertThat(WebhookSignature.sign("key", BODY))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void aSignatureVerifiesOnlyForItsSecretAndItsExactBody() {
        String signature = WebhookSignature.sign("key", BODY);

        assertThat(WebhookSignature.verify("key", BODY, signature)).isTrue();
        assertThat(WebhookSignature.verify("other", BODY, signature)).isFalse();
        assertThat(WebhookSignature.verify("key", "The quick brown fox".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
    }

    @Test
    void aMalformedSignatureDoesNotVerify() {
        assertThat(WebhookSignature.verify("key", BODY, null)).isFalse();
        assertThat(WebhookSignature.verify("key", BODY, "sha1=f7bc83f4")).isFalse();
        assertThat(WebhookSignature.verify("key", BODY, "sha256=not-hex")).isFalse();
        assertThat(WebhookSignature.verify("key", BODY, "sha256=")).isFalse();
    }
}
