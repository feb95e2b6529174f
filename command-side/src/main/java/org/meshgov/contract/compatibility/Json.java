package org.meshgov.contract.compatibility;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Comparator;

/** Reading contract documents, where a field set to null and a missing field mean the same. */
final class Json {

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (x, y) -> x.isNumber() && y.isNumber()
            ? x.decimalValue().compareTo(y.decimalValue())
            : (x.equals(y) ? 0 : 1);

    private Json() {
    }

    static JsonNode field(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value == null || value.isContainerNode() ? null : value.asText();
    }

    /** YAML and JSON parsers pick different node types for the same number, so 1, 1.0 and 1e0 are the same here. */
    static boolean same(JsonNode a, JsonNode b) {
        return a == null || b == null ? a == b : a.equals(NUMBERS_BY_VALUE, b);
    }
}
