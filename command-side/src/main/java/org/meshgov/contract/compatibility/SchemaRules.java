package org.meshgov.contract.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

import static org.meshgov.contract.compatibility.ChangeKind.ADDITIVE;
import static org.meshgov.contract.compatibility.ChangeKind.BREAKING;
import static org.meshgov.contract.compatibility.ChangeKind.COSMETIC;
import static org.meshgov.contract.compatibility.Comparison.breaking;
import static org.meshgov.contract.compatibility.Comparison.cosmetic;
import static org.meshgov.contract.compatibility.Comparison.declaration;
import static org.meshgov.contract.compatibility.Comparison.guarantee;
import static org.meshgov.contract.compatibility.Comparison.ifDifferent;
import static org.meshgov.contract.compatibility.Comparison.keyedList;
import static org.meshgov.contract.compatibility.Comparison.presence;

/** Schema objects, their properties and the element definitions of arrays, which all share one set of fields. */
final class SchemaRules {

    private static final JsonNode FALSE = BooleanNode.FALSE;
    private static final JsonNode NO_POSITION = IntNode.valueOf(-1);
    private static final JsonNode NO_MINIMUM_COUNT = IntNode.valueOf(0);
    private static final Function<JsonNode, String> NAME = element -> Json.text(element, "name");

    private static final FieldTable LOGICAL_TYPE_OPTIONS = new FieldTable()
            .on("maxLength", upperBound("max-length"))
            .on("maximum", upperBound("maximum"))
            .on("exclusiveMaximum", upperBound("exclusive-maximum"))
            .on("maxItems", upperBound("max-items"))
            .on("maxProperties", upperBound("max-properties"))
            .on("minLength", lowerBound("min-length", NO_MINIMUM_COUNT))
            .on("minItems", lowerBound("min-items", NO_MINIMUM_COUNT))
            .on("minProperties", lowerBound("min-properties", NO_MINIMUM_COUNT))
            .on("minimum", lowerBound("minimum", null))
            .on("exclusiveMinimum", lowerBound("exclusive-minimum", null))
            .on("uniqueItems", guarantee("unique-items"))
            .on("required", SchemaRules::requiredProperties)
            .on("pattern", declaration("pattern"))
            .on("format", declaration("format"))
            .on("multipleOf", declaration("multiple-of"))
            .on("timezone", declaration("timezone"))
            .on("defaultTimezone", declaration("default-timezone"))
            .otherwise(declaration("option"));

    private static final FieldTable ELEMENT = new FieldTable()
            .ignore("name")
            .on("logicalType", declaration("logical-type"))
            .on("physicalType", declaration("physical-type"))
            .on("physicalName", breaking("physical-name-changed"))
            .on("encryptedName", breaking("encrypted-name-changed"))
            .on("required", guarantee("required"))
            .on("unique", guarantee("unique"))
            .on("primaryKey", ifDifferent(BREAKING, "primary-key-changed", FALSE))
            .on("primaryKeyPosition", ifDifferent(BREAKING, "primary-key-position-changed", NO_POSITION))
            .on("classification", breaking("classification-changed"))
            .on("logicalTypeOptions", LOGICAL_TYPE_OPTIONS)
            .on("properties", keyedList(NAME, presence("property", SchemaRules::compareElement)))
            .on("items", presence("items", SchemaRules::compareElement))
            .on("quality", QualityRules.RULES)
            .on("relationships", keyedList(SchemaRules::relationshipKey,
                    presence("relationship", cosmetic("relationship-changed"))))
            .on("partitioned", ifDifferent(COSMETIC, "partitioned-changed", FALSE))
            .on("partitionKeyPosition", ifDifferent(COSMETIC, "partition-key-position-changed", NO_POSITION))
            .on("criticalDataElement", ifDifferent(COSMETIC, "critical-data-element-changed", FALSE))
            .cosmetic("id", "description", "businessName", "tags", "examples", "authoritativeDefinitions",
                    "customProperties", "dataGranularityDescription", "transformSourceObjects", "transformLogic",
                    "transformDescription");

    static final Comparison OBJECTS = keyedList(NAME, presence("object", SchemaRules::compareElement));

    private SchemaRules() {
    }

    private static void compareElement(String path, JsonNode before, JsonNode after, List<Change> found) {
        ELEMENT.compare(path, before, after, found);
    }

    /** A raised upper bound lets through values consumers never had to handle. */
    private static Comparison upperBound(String prefix) {
        return bound(prefix, true, null);
    }

    private static Comparison lowerBound(String prefix, JsonNode absentMeans) {
        return bound(prefix, false, absentMeans);
    }

    private static Comparison bound(String prefix, boolean upper, JsonNode absentMeans) {
        Comparison presence = declaration(prefix);
        return (path, before, after, found) -> {
            JsonNode was = before == null ? absentMeans : before;
            JsonNode is = after == null ? absentMeans : after;
            if (was == null || is == null) {
                presence.compare(path, before, after, found);
                return;
            }
            OptionalInt order = Measure.compare(is, null, was, null);
            if (order.isEmpty()) {
                found.add(new Change(path, BREAKING, prefix + "-changed", before, after));
            } else if (order.getAsInt() != 0) {
                boolean raised = order.getAsInt() > 0;
                ChangeKind kind = raised == upper ? BREAKING : ADDITIVE;
                found.add(new Change(path, kind, prefix + (raised ? "-raised" : "-lowered"), before, after));
            }
        };
    }

    /** {@code logicalTypeOptions.required} of an object property: the names of the properties it always has. */
    private static void requiredProperties(String path, JsonNode before, JsonNode after, List<Change> found) {
        Set<String> was = texts(before);
        Set<String> is = texts(after);
        if (!was.equals(is)) {
            boolean onlyAdded = is.containsAll(was);
            found.add(new Change(path, onlyAdded ? ADDITIVE : BREAKING,
                    onlyAdded ? "required-tightened" : "required-relaxed", before, after));
        }
    }

    private static String relationshipKey(JsonNode relationship) {
        String to = columns(Json.field(relationship, "to"));
        String from = columns(Json.field(relationship, "from"));
        return to == null || from == null ? to : from + "->" + to;
    }

    private static String columns(JsonNode reference) {
        if (reference == null) {
            return null;
        }
        return reference.isArray() ? String.join(",", texts(reference)) : reference.asText();
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new LinkedHashSet<>();
        if (array != null) {
            array.forEach(element -> texts.add(element.asText()));
        }
        return texts;
    }
}
