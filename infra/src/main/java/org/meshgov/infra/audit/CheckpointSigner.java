package org.meshgov.infra.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs checkpoints with the deployment's Ed25519 key. Only the private key is configured: the public
 * key is derived from it, so that the two can never be configured out of step.
 */
public final class CheckpointSigner {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private CheckpointSigner(KeyPair keys) {
        this.privateKey = keys.getPrivate();
        this.publicKey = keys.getPublic();
    }

    /**
     * The configured key (base64 PKCS#8). Without one, a throwaway key only in demo mode: a checkpoint
     * signed with a key nobody kept proves nothing, so production refuses to start instead.
     */
    public static CheckpointSigner configured(String base64Pkcs8, boolean demo) {
        if (base64Pkcs8 != null && !base64Pkcs8.isBlank()) {
            return new CheckpointSigner(fromPrivateKey(base64Pkcs8.strip()));
        }
        if (!demo) {
            throw new IllegalStateException("meshgov.audit.signing-key (MESHGOV_AUDIT_SIGNING_KEY) is required: "
                    + "a base64 PKCS#8 Ed25519 private key, the same on every node, to sign event-chain checkpoints "
                    + "(generate one with: openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)");
        }
        CheckpointSigner generated = generate();
        log.warn("meshgov.audit.signing-key is not set: checkpoints are signed with a key generated for this run "
                + "(demo mode only); its public key is {}", generated.publicKeyBase64());
        return generated;
    }

    public static CheckpointSigner generate() {
        try {
            return new CheckpointSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    private static KeyPair fromPrivateKey(String base64Pkcs8) {
        EdECPrivateKey key;
        try {
            key = (EdECPrivateKey) KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8)));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("meshgov.audit.signing-key is not a base64 PKCS#8 Ed25519 private key", e);
        }
        byte[] seed = key.getBytes().orElseThrow(
                () -> new IllegalStateException("meshgov.audit.signing-key: the private key's bytes are not readable"));
        try {
            // the JDK has no call that derives an Ed25519 public key; its generator draws exactly the
            // 32-byte seed from the random source, so handing it the seed derives the matching pair
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedOnly(seed));
            return new KeyPair(generator.generateKeyPair().getPublic(), key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign with the configured Ed25519 key", e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** X.509 SubjectPublicKeyInfo, the form {@code openssl pkey -pubout -outform DER} writes. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** A random source that yields one seed, so that a generator reproduces a key pair from it. */
    private static final class SeedOnly extends SecureRandom {

        private final byte[] seed;

        SeedOnly(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 generator asked for " + bytes.length + " bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
