package org.meshgov.contract.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.meshgov.contract.compatibility.ChangeKind.ADDITIVE;
import static org.meshgov.contract.compatibility.ChangeKind.BREAKING;
import static org.meshgov.contract.compatibility.Comparison.breaking;
import static org.meshgov.contract.compatibility.Comparison.ifDifferent;
import static org.meshgov.contract.compatibility.Comparison.keyedList;
import static org.meshgov.contract.compatibility.Comparison.presence;

/** Quality rules, wherever they appear: on the contract, on schema objects, on properties. */
final class QualityRules {

    private static final String DEFAULT_TYPE = "library";

    /** These fields decide what a rule measures, so the same threshold means something else once they change. */
    private static final Comparison MEANING_CHANGED = breaking("quality-rule-changed");

    private static final FieldTable RULE = new FieldTable()
            .ignore(Threshold.OPERATORS.toArray(String[]::new))
            .on("type", ifDifferent(BREAKING, "quality-rule-changed", TextNode.valueOf(DEFAULT_TYPE)))
            .on("metric", MEANING_CHANGED)
            .on("rule", MEANING_CHANGED)
            .on("arguments", MEANING_CHANGED)
            .on("unit", MEANING_CHANGED)
            .on("query", MEANING_CHANGED)
            .on("engine", MEANING_CHANGED)
            .on("implementation", MEANING_CHANGED)
            .cosmetic("id", "name", "description", "dimension", "method", "severity", "businessImpact", "schedule",
                    "scheduler", "tags", "authoritativeDefinitions", "customProperties");

    static final Comparison RULES = keyedList(QualityRules::key, presence("quality-rule", QualityRules::compareRule));

    private QualityRules() {
    }

    private static String key(JsonNode rule) {
        String id = Json.text(rule, "id");
        if (id != null) {
            return id;
        }
        String name = Json.text(rule, "name");
        if (name != null) {
            return name;
        }
        String metric = Optional.ofNullable(Json.text(rule, "metric")).orElse(Json.text(rule, "rule"));
        if (metric == null) {
            return null;
        }
        String type = Optional.ofNullable(Json.text(rule, "type")).orElse(DEFAULT_TYPE);
        return Stream.of(metric, Json.text(rule, "dimension"), type)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("/"));
    }

    private static void compareRule(String path, JsonNode before, JsonNode after, List<Change> found) {
        RULE.compare(path, before, after, found);
        compareThresholds(path, before, after, found);
    }

    private static void compareThresholds(String path, JsonNode before, JsonNode after, List<Change> found) {
        ObjectNode was = Threshold.operatorsOf(before);
        ObjectNode is = Threshold.operatorsOf(after);
        if (Json.same(was, is)) {
            return;
        }
        Optional<Threshold> published = Threshold.of(was);
        Optional<Threshold> proposed = Threshold.of(is);
        boolean comparable = published.isPresent() && proposed.isPresent();
        boolean tightened = comparable && published.get().acceptsAllOf(proposed.get());
        boolean loosened = comparable && proposed.get().acceptsAllOf(published.get());
        if (tightened && loosened) {
            return;
        }
        ChangeKind kind = tightened ? ADDITIVE : BREAKING;
        String code = tightened ? "quality-threshold-tightened"
                : loosened ? "quality-threshold-loosened" : "quality-threshold-changed";

        Set<String> operators = new LinkedHashSet<>();
        was.properties().forEach(field -> operators.add(field.getKey()));
        is.properties().forEach(field -> operators.add(field.getKey()));
        if (operators.size() == 1) {
            String operator = operators.iterator().next();
            found.add(new Change(path + "." + operator, kind, code, was.get(operator), is.get(operator)));
        } else {
            found.add(new Change(path, kind, code, was.isEmpty() ? null : was, is.isEmpty() ? null : is));
        }
    }
}
