package org.meshgov.infra.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.meshgov.contract.validation.ContentHash;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each review decision on a version, with the exact document the reviewer was shown, from the event log. */
@Component
public class ReviewEvidence {

    public record Decision(long sequence, Instant decidedAt, String decidedBy, String stage, String decision,
                           String comment, int revision, String reviewedContentHash, boolean documentMatchesHash,
                           JsonNode document) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ReviewEvidence(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Decision> decisions(String contractId, String version) {
        Map<String, JsonNode> reviewedDocuments = new HashMap<>();
        jdbc.query("""
                SELECT convert_from(payload, 'UTF8') FROM domainevententry
                WHERE aggregateidentifier = ? AND payloadtype = 'org.meshgov.contract.ContractVersionProposedEvent'
                AND convert_from(payload, 'UTF8')::jsonb ->> 'version' = ?""", row -> {
            JsonNode proposed = read(row.getString(1));
            reviewedDocuments.put(proposed.path("contentHash").asText(), proposed.path("document"));
        }, "contract:" + contractId, version);
        return jdbc.query("""
                SELECT sequencenumber, "timestamp", convert_from(payload, 'UTF8') AS payload FROM domainevententry
                WHERE aggregateidentifier = ? AND payloadtype = 'org.meshgov.contract.ContractReviewDecidedEvent'
                AND convert_from(payload, 'UTF8')::jsonb ->> 'version' = ?
                ORDER BY sequencenumber""", (row, i) -> {
            JsonNode decided = read(row.getString("payload"));
            String hash = decided.path("reviewedContentHash").asText();
            JsonNode document = reviewedDocuments.get(hash);
            return new Decision(row.getLong("sequencenumber"), Instant.parse(row.getString("timestamp")),
                    decided.path("decidedBy").asText(), decided.path("stage").asText(),
                    decided.path("decision").asText(), decided.path("comment").asText(null),
                    decided.path("revision").asInt(), hash, document != null && ContentHash.of(document).equals(hash),
                    document);
        }, "contract:" + contractId, version);
    }

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event payload is not JSON", e);
        }
    }
}
