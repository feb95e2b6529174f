package org.meshgov.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The quality rules a contract version declares, at the top, on its objects and on their
 * properties, found by {@code id} or by {@code name}.
 */
public final class QualityRules {

    /** A rule's severity; unset means {@code error}, as ODCS examples treat it. */
    public record Rule(String key, String path, String severity) {
        public boolean breachOpensIncident() {
            return severity.equalsIgnoreCase("error");
        }
    }

    private final Map<String, Rule> byKey = new LinkedHashMap<>();

    private QualityRules() {
    }

    public static QualityRules of(JsonNode document) {
        QualityRules rules = new QualityRules();
        rules.collect(document.path("quality"), "$");
        for (JsonNode object : document.path("schema")) {
            String objectPath = "$.schema[" + object.path("name").asText() + "]";
            rules.collect(object.path("quality"), objectPath);
            rules.properties(object.path("properties"), objectPath);
        }
        return rules;
    }

    private void properties(JsonNode properties, String parent) {
        for (JsonNode property : properties) {
            String path = parent + ".properties[" + property.path("name").asText() + "]";
            collect(property.path("quality"), path);
            properties(property.path("properties"), path);
        }
    }

    private void collect(JsonNode quality, String path) {
        for (JsonNode rule : quality) {
            String severity = rule.path("severity").asText("error");
            for (String key : new String[] {rule.path("id").asText(null), rule.path("name").asText(null)}) {
                if (key != null && !key.isBlank()) {
                    byKey.putIfAbsent(key, new Rule(key, path, severity));
                }
            }
        }
    }

    public Optional<Rule> find(String idOrName) {
        return Optional.ofNullable(byKey.get(idOrName));
    }
}
