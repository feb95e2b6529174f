package org.meshgov.contract.compatibility;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares two JSON objects field by field, each field with its own comparison: the fields of the published
 * version in document order, then those only the proposal has.
 */
final class FieldTable implements Comparison {

    private final Map<String, Comparison> rules = new HashMap<>();
    private Comparison otherwise = Comparison.breaking("field-changed");

    FieldTable on(String field, Comparison rule) {
        rules.put(field, rule);
        return this;
    }

    /** Each field gets the code {@code <field-in-kebab-case>-changed}. */
    FieldTable cosmetic(String... fields) {
        for (String field : fields) {
            on(field, Comparison.cosmetic(kebab(field) + "-changed"));
        }
        return this;
    }

    FieldTable ignore(String... fields) {
        for (String field : fields) {
            on(field, IGNORED);
        }
        return this;
    }

    FieldTable otherwise(Comparison rule) {
        otherwise = rule;
        return this;
    }

    @Override
    public void compare(String path, JsonNode before, JsonNode after, List<Change> found) {
        for (String field : fieldNames(before, after)) {
            JsonNode was = Json.field(before, field);
            JsonNode is = Json.field(after, field);
            if (was != null || is != null) {
                rules.getOrDefault(field, otherwise).compare(path + "." + field, was, is, found);
            }
        }
    }

    private static Set<String> fieldNames(JsonNode before, JsonNode after) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode node : new JsonNode[] {before, after}) {
            if (node != null) {
                node.properties().forEach(field -> names.add(field.getKey()));
            }
        }
        return names;
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
