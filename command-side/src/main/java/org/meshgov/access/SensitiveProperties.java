package org.meshgov.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The properties of a contract by their {@code object.property} names, and which of them are
 * sensitive: classified above {@code public}/{@code internal}, or marked as personal data by a tag
 * or a custom property.
 */
public final class SensitiveProperties {

    private static final Set<String> OPEN_CLASSIFICATIONS = Set.of("public", "internal");
    private static final Set<String> PII_MARKS = Set.of("pii", "personal-data", "personal_data", "personaldata",
            "gdpr");

    private final TreeMap<String, Boolean> sensitiveByName = new TreeMap<>();

    private SensitiveProperties() {
    }

    public static SensitiveProperties of(JsonNode document) {
        SensitiveProperties properties = new SensitiveProperties();
        for (JsonNode object : document.path("schema")) {
            properties.collect(object.path("name").asText(), object.path("properties"));
        }
        return properties;
    }

    private void collect(String prefix, JsonNode properties) {
        for (JsonNode property : properties) {
            String name = prefix + "." + property.path("name").asText();
            sensitiveByName.put(name, isSensitive(property));
            collect(name, property.path("properties"));
            collect(name, property.path("items").path("properties"));
        }
    }

    public boolean exists(String name) {
        return sensitiveByName.containsKey(name);
    }

    public Set<String> sensitive() {
        return sensitiveByName.entrySet().stream().filter(Map.Entry::getValue)
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean isSensitive(JsonNode property) {
        JsonNode classification = property.path("classification");
        if (classification.isTextual()
                && !OPEN_CLASSIFICATIONS.contains(lower(classification.asText()))) {
            return true;
        }
        for (JsonNode tag : property.path("tags")) {
            if (PII_MARKS.contains(lower(tag.asText()))) {
                return true;
            }
        }
        for (JsonNode custom : property.path("customProperties")) {
            String key = lower(custom.path("property").asText());
            String value = lower(custom.path("value").asText());
            // {property: pii, value: true} or {property: sensitivity, value: pii}
            if (PII_MARKS.contains(key) && value.equals("true") || PII_MARKS.contains(value)) {
                return true;
            }
        }
        return false;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
