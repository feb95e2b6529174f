package org.meshgov.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meshgov.access.SensitiveProperties;
import org.meshgov.policy.CelValues;

/**
 * What a {@code contract-proposal} rule reads, taken from the proposed event alone, so that a
 * what-if replay of the event log sees exactly what the command handler saw:
 * <ul>
 *   <li>{@code contract}: the ODCS document as proposed;</li>
 *   <li>{@code proposal}: {@code contractId}, {@code version}, {@code revision}, {@code domain},
 *       {@code changeLevel} (INITIAL, BREAKING, ADDITIVE, COSMETIC, NONE), {@code comparedWith}
 *       ({@code ''} for a first version), {@code proposedBy}, {@code changes} ({@code path},
 *       {@code kind}, {@code change});</li>
 *   <li>{@code properties}: every property, nested ones too, as {@code name} ({@code object.property}),
 *       {@code classification} ({@code ''} when absent), {@code sensitive}, {@code qualityRules}
 *       (how many), {@code required}, {@code tags}.</li>
 * </ul>
 */
public final class ContractProposalFacts {

    private ContractProposalFacts() {
    }

    public static Map<String, Object> of(ContractVersionProposedEvent event) {
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("contractId", event.contractId());
        proposal.put("version", event.version());
        proposal.put("revision", (long) event.revision());
        proposal.put("domain", event.domain());
        proposal.put("changeLevel", event.changeLevel().name());
        proposal.put("comparedWith", event.comparedWith() == null ? "" : event.comparedWith());
        proposal.put("proposedBy", event.proposedBy());
        proposal.put("changes", event.changes().stream()
                .map(change -> Map.of("path", change.path(), "kind", change.kind().name(), "change", change.change()))
                .toList());
        return Map.of("contract", CelValues.of(event.document()), "proposal", proposal,
                "properties", properties(event.document()));
    }

    private static List<Map<String, Object>> properties(JsonNode document) {
        Set<String> sensitive = SensitiveProperties.of(document).sensitive();
        List<Map<String, Object>> properties = new ArrayList<>();
        for (JsonNode object : document.path("schema")) {
            collect(object.path("name").asText(), object.path("properties"), sensitive, properties);
        }
        return properties;
    }

    private static void collect(String prefix, JsonNode nodes, Set<String> sensitive,
                                List<Map<String, Object>> properties) {
        for (JsonNode property : nodes) {
            String name = prefix + "." + property.path("name").asText();
            List<String> tags = new ArrayList<>();
            property.path("tags").forEach(tag -> tags.add(tag.asText()));
            properties.add(Map.of(
                    "name", name,
                    "classification", property.path("classification").asText(""),
                    "sensitive", sensitive.contains(name),
                    "qualityRules", (long) property.path("quality").size(),
                    "required", property.path("required").asBoolean(false),
                    "tags", List.copyOf(tags)));
            collect(name, property.path("properties"), sensitive, properties);
            collect(name, property.path("items").path("properties"), sensitive, properties);
        }
    }
}
