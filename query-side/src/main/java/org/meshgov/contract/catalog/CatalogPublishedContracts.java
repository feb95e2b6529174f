package org.meshgov.contract.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.meshgov.access.PublishedContracts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Published versions from the catalog, for the guardrails of access requests. */
@Component
public class CatalogPublishedContracts implements PublishedContracts {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public CatalogPublishedContracts(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<PublishedVersion> latestInMajor(String contractId, long major) {
        return jdbc.query("""
                SELECT version, domain, document, status FROM catalog_contract_version
                WHERE contract_id = ? AND major = ? AND status IN ('PUBLISHED', 'DEPRECATED')
                ORDER BY minor DESC, patch DESC, version DESC LIMIT 1""",
                (row, i) -> new PublishedVersion(contractId, row.getString("version"), row.getString("domain"),
                        readDocument(row.getString("document")), "DEPRECATED".equals(row.getString("status"))),
                contractId, major).stream().findFirst();
    }

    @Override
    public Optional<PublishedVersion> latest(String contractId) {
        return jdbc.query("""
                SELECT version, domain, document, status FROM catalog_contract_version
                WHERE contract_id = ? AND status IN ('PUBLISHED', 'DEPRECATED')
                ORDER BY major DESC, minor DESC, patch DESC, version DESC LIMIT 1""",
                (row, i) -> new PublishedVersion(contractId, row.getString("version"), row.getString("domain"),
                        readDocument(row.getString("document")), "DEPRECATED".equals(row.getString("status"))),
                contractId).stream().findFirst();
    }

    @Override
    public Optional<PublishedVersion> version(String contractId, String version) {
        return jdbc.query("""
                SELECT version, domain, document, status FROM catalog_contract_version
                WHERE contract_id = ? AND version = ? AND status IN ('PUBLISHED', 'DEPRECATED')""",
                (row, i) -> new PublishedVersion(contractId, row.getString("version"), row.getString("domain"),
                        readDocument(row.getString("document")), "DEPRECATED".equals(row.getString("status"))),
                contractId, version).stream().findFirst();
    }

    private JsonNode readDocument(String document) {
        try {
            return json.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog holds an invalid document", e);
        }
    }
}
