package org.meshgov.contract.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class ContractCatalogQueries {

    private static final String VERSION_ORDER = "major DESC, minor DESC, patch DESC, version DESC";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ContractCatalogQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Contracts by their latest version; {@code text} searches name, description and property names. */
    public List<ContractSummary> search(String domain, String status, String text) {
        StringBuilder sql = new StringBuilder("""
                SELECT DISTINCT ON (v.contract_id) v.contract_id, v.domain, v.name, v.description, v.version, v.status,
                    (SELECT p.version FROM catalog_contract_version p WHERE p.contract_id = v.contract_id
                       AND p.status = 'PUBLISHED' ORDER BY p.major DESC, p.minor DESC, p.patch DESC, p.version DESC
                       LIMIT 1) AS latest_published
                FROM catalog_contract_version v WHERE 1 = 1""");
        List<Object> args = new ArrayList<>();
        if (domain != null && !domain.isBlank()) {
            sql.append(" AND v.domain = ?");
            args.add(domain);
        }
        if (text != null && !text.isBlank()) {
            sql.append(" AND (v.name ILIKE ? OR v.description ILIKE ? OR v.property_names ILIKE ?"
                    + " OR v.contract_id ILIKE ?)");
            String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            args.addAll(List.of(pattern, pattern, pattern, pattern));
        }
        sql.append(" ORDER BY v.contract_id, v.major DESC, v.minor DESC, v.patch DESC, v.version DESC");
        List<ContractSummary> latest = jdbc.query(sql.toString(), (row, i) -> new ContractSummary(
                row.getString("contract_id"), row.getString("domain"), row.getString("name"),
                row.getString("description"), row.getString("version"), row.getString("status"),
                row.getString("latest_published")), args.toArray());
        if (status == null || status.isBlank()) {
            return latest;
        }
        return latest.stream().filter(c -> c.latestStatus().equalsIgnoreCase(status)
                || ("PUBLISHED".equalsIgnoreCase(status) && c.latestPublishedVersion() != null)).toList();
    }

    public Optional<ContractView> contract(String contractId) {
        List<ContractVersionView> versions = jdbc.query("""
                SELECT * FROM catalog_contract_version WHERE contract_id = ? ORDER BY""" + " " + VERSION_ORDER,
                this::mapVersion, contractId);
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        var head = jdbc.queryForMap("""
                SELECT domain, name, description FROM catalog_contract_version WHERE contract_id = ?
                ORDER BY""" + " " + VERSION_ORDER + " LIMIT 1", contractId);
        String latestPublished = versions.stream().filter(v -> v.status().equals("PUBLISHED"))
                .map(ContractVersionView::version).findFirst().orElse(null);
        return Optional.of(new ContractView(contractId, (String) head.get("domain"), (String) head.get("name"),
                (String) head.get("description"), versions.get(0).version(), latestPublished, versions));
    }

    public Optional<JsonNode> document(String contractId, String version) {
        return jdbc.query("SELECT document FROM catalog_contract_version WHERE contract_id = ? AND version = ?",
                (row, i) -> read(row.getString("document")), contractId, version).stream().findFirst();
    }

    public Optional<ContractVersionView> version(String contractId, String version) {
        return jdbc.query("SELECT * FROM catalog_contract_version WHERE contract_id = ? AND version = ?",
                this::mapVersion, contractId, version).stream().findFirst();
    }

    private ContractVersionView mapVersion(ResultSet row, int index) throws SQLException {
        return new ContractVersionView(row.getString("version"), row.getInt("revision"), row.getString("status"),
                row.getString("status_reason"), row.getString("proposed_by"), instant(row, "proposed_at"),
                instant(row, "decided_at"), instant(row, "published_at"), row.getString("content_hash"),
                row.getString("compared_with"), row.getString("change_level"), read(row.getString("changes")),
                read(row.getString("reviews")), read(row.getString("escalations")), instant(row, "sunset"),
                row.getString("replacement_version"), row.getString("deprecation_id"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog holds invalid JSON", e);
        }
    }
}
