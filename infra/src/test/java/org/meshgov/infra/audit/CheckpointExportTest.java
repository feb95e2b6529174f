package org.meshgov.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meshgov.support.Api;
import org.meshgov.support.Examples;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An export checked offline against a signed checkpoint, with the public key from the API. */
@MeshgovSpringTest
class CheckpointExportTest {

    @LocalServerPort
    int port;
    @Autowired
    ChainCheckpoints checkpoints;
    @TempDir
    Path directory;

    final ObjectMapper json = new ObjectMapper();

    record Evidence(Path export, Path checkpoint, String publicKey, long position) {
    }

    /** A checkpoint after some events, then an export that reaches past it, as an auditor keeps them. */
    Evidence evidence() throws Exception {
        Api api = new Api(port);
        api.post("mike", "/api/contracts", "application/yaml",
                Examples.ordersContract("orders-v1.0.0.yaml", "checkpointed-" + UUID.randomUUID()));
        assertThat(api.post("admin", "/api/audit/checkpoints", "application/json", "").status()).isIn(200, 201);
        String checkpoint = api.get("audrey", "/api/audit/checkpoints?limit=1").json().get(0).toString();
        String publicKey = api.get("audrey", "/api/audit/public-key").json().path("publicKey").asText();
        Api.Reply export = api.get("audrey", "/api/audit/export");
        assertThat(export.status()).isEqualTo(200);
        Path exportFile = Files.writeString(directory.resolve(UUID.randomUUID() + ".jsonl"), export.body());
        Path checkpointFile = Files.writeString(directory.resolve(UUID.randomUUID() + ".json"), checkpoint);
        return new Evidence(exportFile, checkpointFile, publicKey, json.readTree(checkpoint).path("position").asLong());
    }

    CheckpointVerification verify(Evidence evidence) throws Exception {
        return CheckpointVerifier.verify(CheckpointVerifier.read(evidence.checkpoint()),
                CheckpointVerifier.publicKey(evidence.publicKey()), evidence.export());
    }

    /** Changes the payload of the last event before the checkpoint; the index of its line. */
    static int tamperBefore(long position, List<String> lines, ObjectMapper json) throws Exception {
        for (int i = (int) position - 1; i >= 0; i--) {
            ObjectNode line = (ObjectNode) json.readTree(lines.get(i));
            if (line.path("position").asLong() < position && line.hasNonNull("payload")) {
                String payload = new String(Base64.getDecoder().decode(line.path("payload").asText()),
                        StandardCharsets.UTF_8);
                line.put("payload", Base64.getEncoder().encodeToString((payload + " ")
                        .getBytes(StandardCharsets.UTF_8)));
                lines.set(i, json.writeValueAsString(line));
                return i;
            }
        }
        throw new AssertionError("no event before position " + position);
    }

    @Test
    void anExportVerifiesAgainstACheckpointItReaches() throws Exception {
        CheckpointVerification result = verify(evidence());

        assertThat(result.signatureHolds()).isTrue();
        assertThat(result.chain().firstBroken()).isNull();
        assertThat(result.reachesCheckpoint()).isTrue();
        assertThat(result.holds()).isTrue();
    }

    @Test
    void anEventChangedBeforeTheCheckpointFails() throws Exception {
        Evidence evidence = evidence();
        List<String> lines = Files.readAllLines(evidence.export());
        int tampered = tamperBefore(evidence.position(), lines, json);
        Files.write(evidence.export(), lines);

        CheckpointVerification result = verify(evidence);

        assertThat(result.holds()).isFalse();
        assertThat(result.chain().firstBroken().position()).isEqualTo(tampered + 1);
    }

    @Test
    void aChainRewrittenFromAChangedEventOnDoesNotReachTheCheckpoint() throws Exception {
        Evidence evidence = evidence();
        List<String> lines = Files.readAllLines(evidence.export());
        int tampered = tamperBefore(evidence.position(), lines, json);
        rehashFrom(tampered, lines);
        Files.write(evidence.export(), lines);

        CheckpointVerification result = verify(evidence);

        assertThat(result.chain().firstBroken()).isNull();
        assertThat(result.reachesCheckpoint()).isFalse();
        assertThat(result.holds()).isFalse();
    }

    @Test
    void theCommandLineExitsZeroOnlyWhenTheExportReachesTheCheckpoint() throws Exception {
        Evidence evidence = evidence();
        String[] args = {evidence.export().toString(), "--checkpoint", evidence.checkpoint().toString(),
                "--public-key", evidence.publicKey()};
        assertThat(run(args)).isZero();

        List<String> lines = Files.readAllLines(evidence.export());
        rehashFrom(tamperBefore(evidence.position(), lines, json), lines);
        Files.write(evidence.export(), lines);

        assertThat(run(args)).isEqualTo(1);
        assertThat(run(new String[] {evidence.export().toString(), "--checkpoint", evidence.checkpoint().toString()}))
                .isEqualTo(2);
    }

    @Test
    void theCommandLineWithTheExportAloneChecksTheChainAsBefore() throws Exception {
        assertThat(run(new String[] {evidence().export().toString()})).isZero();
    }

    @Test
    void anotherKeyFailsTheCommandLine() throws Exception {
        Evidence evidence = evidence();

        assertThat(run(new String[] {evidence.export().toString(), "--checkpoint", evidence.checkpoint().toString(),
                "--public-key", CheckpointSigner.generate().publicKeyBase64()})).isEqualTo(1);
    }

    /** What someone who can write the whole log would do to hide a change: chain every later link anew. */
    static void rehashFrom(int index, List<String> lines) throws Exception {
        ObjectMapper json = new ObjectMapper();
        HexFormat hex = HexFormat.of();
        for (int i = index; i < lines.size(); i++) {
            ObjectNode line = (ObjectNode) json.readTree(lines.get(i));
            ChainEntry entry = ChainExport.readJsonLines(new BufferedReader(new StringReader(lines.get(i))))
                    .findFirst().orElseThrow();
            byte[] previous = i == 0 ? EventChainVerifier.GENESIS
                    : hex.parseHex(json.readTree(lines.get(i - 1)).path("hash").asText());
            line.put("previousHash", hex.formatHex(previous));
            line.put("hash", hex.formatHex(EventChainVerifier.hash(previous, entry.event())));
            lines.set(i, json.writeValueAsString(line));
        }
    }

    static int run(String[] args) throws Exception {
        PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return VerifyExportWithCheckpoint.run(args, discard, discard);
    }
}
