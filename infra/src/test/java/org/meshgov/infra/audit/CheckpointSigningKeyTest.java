package org.meshgov.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Where the signing key comes from: configuration, or in demo mode a key of the run's own. */
class CheckpointSigningKeyTest {

    @Test
    void aConfiguredPrivateKeySignsWhatItsOwnPublicKeyVerifies() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        CheckpointSigner signer = CheckpointSigner.configured(
                Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()), false);

        assertThat(signer.publicKey().getEncoded()).isEqualTo(keys.getPublic().getEncoded());
    }

    @Test
    void withoutAKeyOutsideDemoModeTheEngineRefusesToStart() {
        assertThatThrownBy(() -> CheckpointSigner.configured("", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MESHGOV_AUDIT_SIGNING_KEY");
    }

    @Test
    void withoutAKeyInDemoModeAKeyIsGenerated() {
        assertThat(CheckpointSigner.configured(null, true).publicKeyBase64()).isNotBlank();
    }

    @Test
    void aKeyThatIsNotEd25519IsRefused() throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();

        assertThatThrownBy(() -> CheckpointSigner.configured(
                Base64.getEncoder().encodeToString(rsa.getPrivate().getEncoded()), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Ed25519");
    }
}
