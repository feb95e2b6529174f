package org.meshgov.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meshgov.infra.persistence.EmbeddedPostgresServer;
import org.meshgov.support.Api;
import org.meshgov.support.Examples;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An export verifies offline, from the file alone, and a changed byte in it is found. */
@MeshgovSpringTest
class AuditExportTest {

    @LocalServerPort
    int port;
    @TempDir
    Path directory;

    final ObjectMapper json = new ObjectMapper();

    Path export(Api api, String query) throws Exception {
        Api.Reply reply = api.get("audrey", "/api/audit/export" + query);
        assertThat(reply.status()).isEqualTo(200);
        Path file = directory.resolve(UUID.randomUUID() + ".jsonl");
        Files.writeString(file, reply.body(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void anExportOfTheWholeLogVerifiesOffline() throws Exception {
        Api api = new Api(port);
        api.post("mike", "/api/contracts", "application/yaml",
                Examples.ordersContract("orders-v1.0.0.yaml", "export-" + UUID.randomUUID()));

        Path file = export(api, "");

        Verification verification = VerifyExport.verify(file);
        assertThat(verification.firstBroken()).isNull();
        assertThat(verification.verified()).isEqualTo(Files.readAllLines(file).size()).isPositive();
    }

    @Test
    void aPayloadChangedInTheFileIsFoundAtItsPosition() throws Exception {
        Api api = new Api(port);
        api.post("mike", "/api/contracts", "application/yaml",
                Examples.ordersContract("orders-v1.0.0.yaml", "export-" + UUID.randomUUID()));
        Path file = export(api, "");
        List<String> lines = Files.readAllLines(file);
        int tampered = lines.size() / 2;
        ObjectNode line = (ObjectNode) json.readTree(lines.get(tampered));
        String payload = new String(Base64.getDecoder().decode(line.path("payload").asText()), StandardCharsets.UTF_8);
        line.put("payload", Base64.getEncoder().encodeToString((payload + " ").getBytes(StandardCharsets.UTF_8)));
        lines.set(tampered, json.writeValueAsString(line));
        Files.write(file, lines);

        Verification verification = VerifyExport.verify(file);

        assertThat(verification.firstBroken()).isNotNull();
        assertThat(verification.firstBroken().position()).isEqualTo(line.path("position").asLong());
    }

    @Test
    void aRangeExportsAsCsvAndOnlyForAuditors() {
        Api api = new Api(port);
        Api.Reply csv = api.get("audrey", "/api/audit/export?from=1&to=3&format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines()).hasSize(4).first().asString().startsWith("position,globalIndex");
        assertThat(api.get("mia", "/api/audit/export").status()).isEqualTo(403);
    }

    @Autowired
    EmbeddedPostgresServer database;

    @Test
    void theCommandLineVerifiesTheDatabaseWithoutTheEngine() {
        Verification verification = VerifyDatabase.verify(database.jdbcUrl(), "postgres", "postgres");
        assertThat(verification.firstBroken()).isNull();
        assertThat(verification.verified()).isPositive();
    }

    @Test
    void eachExportedLineCarriesItsHash() throws Exception {
        Api api = new Api(port);
        JsonNode first = json.readTree(Files.readAllLines(export(api, "?from=1&to=1")).get(0));
        assertThat(first.path("position").asLong()).isEqualTo(1);
        assertThat(first.path("hash").asText()).matches("[0-9a-f]{64}");
        assertThat(first.path("previousHash").asText()).isEqualTo("0".repeat(64));
    }
}
