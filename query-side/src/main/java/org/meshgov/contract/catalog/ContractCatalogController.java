package org.meshgov.contract.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.meshgov.contract.ChangeLevel;
import org.meshgov.contract.compatibility.Change;
import org.meshgov.contract.compatibility.CompatibilityClassifier;
import org.meshgov.governance.UnknownEntityException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/contracts")
public class ContractCatalogController {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    static final String STATUS_HEADER = "X-Meshgov-Version-Status";

    private final ContractCatalogQueries queries;
    private final ContractHistory history;
    private final CompatibilityClassifier classifier = new CompatibilityClassifier();
    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    public ContractCatalogController(ContractCatalogQueries queries, ContractHistory history) {
        this.queries = queries;
        this.history = history;
    }

    @GetMapping
    public List<ContractSummary> search(@RequestParam(required = false) String domain,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(name = "q", required = false) String text) {
        return queries.search(domain, status, text);
    }

    /** With {@code asOf}, the entry as it was then, rebuilt from the event log rather than read from the catalog. */
    @GetMapping("/{contractId}")
    public ContractView contract(@PathVariable String contractId, @RequestParam(required = false) Instant asOf) {
        return (asOf == null ? queries.contract(contractId) : history.asOf(contractId, asOf))
                .orElseThrow(() -> unknownContract(contractId));
    }

    @GetMapping("/{contractId}/versions/{version}")
    public ResponseEntity<String> document(@PathVariable String contractId, @PathVariable String version,
                                           @RequestHeader(name = "Accept", required = false) String accept)
            throws Exception {
        JsonNode document = queries.document(contractId, version)
                .orElseThrow(() -> unknownVersion(contractId, version));
        ContractVersionView status = queries.version(contractId, version).orElseThrow();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(STATUS_HEADER, status.status());
        if (status.sunset() != null) {
            // RFC 8594: the version is deprecated and stops being served at the sunset
            response.header("Deprecation", "true")
                    .header("Sunset", DateTimeFormatter.RFC_1123_DATE_TIME.format(status.sunset().atZone(ZoneOffset.UTC)));
        }
        if (status.replacementVersion() != null) {
            response.header("Link", "</api/contracts/" + contractId + "/versions/" + status.replacementVersion()
                    + ">; rel=\"successor-version\"");
        }
        if (accept != null && (accept.contains("yaml") || accept.contains("yml"))) {
            return response.contentType(YAML).body(yaml.writeValueAsString(document));
        }
        return response.contentType(MediaType.APPLICATION_JSON).body(document.toString());
    }

    @GetMapping("/{contractId}/versions/{version}/changes")
    public Map<String, Object> changes(@PathVariable String contractId, @PathVariable String version,
                                       @RequestParam("from") String from) {
        JsonNode before = queries.document(contractId, from).orElseThrow(() -> unknownVersion(contractId, from));
        JsonNode after = queries.document(contractId, version).orElseThrow(() -> unknownVersion(contractId, version));
        List<Change> changes = classifier.compare(before, after);
        return Map.of("contractId", contractId, "from", from, "to", version,
                "level", ChangeLevel.of(changes).name(), "changes", changes);
    }

    private static UnknownEntityException unknownContract(String contractId) {
        return new UnknownEntityException("no contract " + contractId);
    }

    private static UnknownEntityException unknownVersion(String contractId, String version) {
        return new UnknownEntityException("contract " + contractId + " has no version " + version);
    }
}
