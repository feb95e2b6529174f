package org.meshgov.contract.compatibility;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.meshgov.contract.compatibility.ChangeKind.ADDITIVE;
import static org.meshgov.contract.compatibility.ChangeKind.BREAKING;
import static org.meshgov.contract.compatibility.ChangeKind.COSMETIC;
import static org.meshgov.contract.compatibility.Contracts.assertThatChanges;
import static org.meshgov.contract.compatibility.Contracts.object;
import static org.meshgov.contract.compatibility.Contracts.property;
import static org.meshgov.contract.compatibility.Contracts.qualityRule;
import static org.meshgov.contract.compatibility.Contracts.value;

class CompatibilityQualityTest {

    private static final String RULE = "$.schema[orders].quality[rule]";

    private final CompatibilityClassifier classifier = new CompatibilityClassifier();

    @Test
    void removingAQualityRuleIsBreaking() {
        // given
        ObjectNode published = Contracts.base();
        ObjectNode proposed = Contracts.base();
        ((ArrayNode) property(proposed, "orders", "amount").get("quality")).removeAll();

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(
                "$.schema[orders].properties[amount].quality[amount_not_null]", BREAKING, "quality-rule-removed"));
    }

    @Test
    void addingAQualityRuleIsAdditive() {
        // given
        ObjectNode published = Contracts.base();
        ObjectNode proposed = Contracts.base();
        ((ArrayNode) object(proposed, "orders").get("quality"))
                .add(value("{id: no_duplicates, metric: duplicateValues, mustBe: 0}"));

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(
                tuple("$.schema[orders].quality[no_duplicates]", ADDITIVE, "quality-rule-added"));
    }

    @Test
    void contractLevelQualityRulesAreComparedToo() {
        // given
        ObjectNode published = Contracts.base();
        ObjectNode proposed = Contracts.base();
        published.set("quality", value("[{id: fresh, type: sql, query: 'select 1', mustBe: 1}]"));

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple("$.quality[fresh]", BREAKING, "quality-rule-removed"));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            mustBeLessThan          | 5       | 10      | BREAKING | quality-threshold-loosened
            mustBeLessThan          | 10      | 5       | ADDITIVE | quality-threshold-tightened
            mustBeLessOrEqualTo     | 5       | 10      | BREAKING | quality-threshold-loosened
            mustBeLessOrEqualTo     | 10      | 5       | ADDITIVE | quality-threshold-tightened
            mustBeGreaterThan       | 1000    | 500     | BREAKING | quality-threshold-loosened
            mustBeGreaterThan       | 500     | 1000    | ADDITIVE | quality-threshold-tightened
            mustBeGreaterOrEqualTo  | 1000    | 500     | BREAKING | quality-threshold-loosened
            mustBeGreaterOrEqualTo  | 500     | 1000    | ADDITIVE | quality-threshold-tightened
            mustBeBetween           | [10,20] | [5,25]  | BREAKING | quality-threshold-loosened
            mustBeBetween           | [5,25]  | [10,20] | ADDITIVE | quality-threshold-tightened
            mustBeBetween           | [10,20] | [15,25] | BREAKING | quality-threshold-changed
            mustNotBeBetween        | [10,20] | [12,18] | BREAKING | quality-threshold-loosened
            mustNotBeBetween        | [12,18] | [10,20] | ADDITIVE | quality-threshold-tightened
            mustBe                  | 0       | 1       | BREAKING | quality-threshold-changed
            mustNotBe               | 0       | 1       | BREAKING | quality-threshold-changed
            """)
    void changingAThresholdIsClassifiedByWhatTheRuleStillAccepts(
            String operator, String before, String after, ChangeKind kind, String code) {
        // given
        ObjectNode published = withRule("{id: rule, metric: rowCount, " + operator + ": " + before + "}");
        ObjectNode proposed = withRule("{id: rule, metric: rowCount, " + operator + ": " + after + "}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(RULE + "." + operator, kind, code));
    }

    @Test
    void switchingToAnInclusiveBoundIsLoosening() {
        // given
        ObjectNode published = withRule("{id: rule, metric: nullValues, mustBeLessThan: 5}");
        ObjectNode proposed = withRule("{id: rule, metric: nullValues, mustBeLessOrEqualTo: 5}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(RULE, BREAKING, "quality-threshold-loosened"));
    }

    @Test
    void switchingToARangeInsideTheOldBoundIsTightening() {
        // given
        ObjectNode published = withRule("{id: rule, metric: nullValues, mustBeLessThan: 5}");
        ObjectNode proposed = withRule("{id: rule, metric: nullValues, mustBeBetween: [0, 3]}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(RULE, ADDITIVE, "quality-threshold-tightened"));
    }

    @Test
    void restatingTheSameThresholdWithAnotherOperatorIsNoChange() {
        // given
        ObjectNode published = withRule("{id: rule, metric: nullValues, mustBe: 0}");
        ObjectNode proposed = withRule("{id: rule, metric: nullValues, mustBeBetween: [0, 0]}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThat(changes).isEmpty();
    }

    @Test
    void droppingTheThresholdIsLoosening() {
        // given
        ObjectNode published = withRule("{id: rule, type: text, description: rows are complete, mustBe: 0}");
        ObjectNode proposed = withRule("{id: rule, type: text, description: rows are complete}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(RULE + ".mustBe", BREAKING, "quality-threshold-loosened"));
    }

    @Test
    void addingAThresholdIsTightening() {
        // given
        ObjectNode published = withRule("{id: rule, type: text, description: rows are complete}");
        ObjectNode proposed = withRule("{id: rule, type: text, description: rows are complete, mustBe: 0}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(RULE + ".mustBe", ADDITIVE, "quality-threshold-tightened"));
    }

    @Test
    void aThresholdThatIsNotANumberIsBreakingWhenChanged() {
        // given
        ObjectNode published = withRule("{id: rule, type: sql, query: select status from t, mustBe: active}");
        ObjectNode proposed = withRule("{id: rule, type: sql, query: select status from t, mustBe: done}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(RULE + ".mustBe", BREAKING, "quality-threshold-changed"));
    }

    @ParameterizedTest(name = "changing {0} changes what the rule means")
    @CsvSource(delimiter = '|', textBlock = """
            query          | select count(*) from orders where amount < 0
            metric         | missingValues
            unit           | percent
            arguments      | {validValues: [a, b]}
            type           | sql
            engine         | soda
            implementation | 'type: duplicate_percent'
            """)
    void changingWhatARuleMeasuresIsBreaking(String field, String yaml) {
        // given
        ObjectNode published = withRule("{id: rule, metric: nullValues, mustBe: 0}");
        ObjectNode proposed = withRule("{id: rule, metric: nullValues, mustBe: 0}");
        qualityRule(object(proposed, "orders"), "rule").set(field, value(yaml));

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(RULE + "." + field, BREAKING, "quality-rule-changed"));
    }

    @Test
    void writingOutTheDefaultRuleTypeIsNoChange() {
        // given
        ObjectNode published = withRule("{id: rule, metric: nullValues, mustBe: 0}");
        ObjectNode proposed = withRule("{id: rule, metric: nullValues, mustBe: 0, type: library}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThat(changes).isEmpty();
    }

    @ParameterizedTest(name = "changing {0} is cosmetic")
    @CsvSource(delimiter = '|', textBlock = """
            description    | No nulls at all             | description-changed
            severity       | warning                     | severity-changed
            businessImpact | regulatory                  | business-impact-changed
            dimension      | completeness                | dimension-changed
            name           | amounts are present         | name-changed
            schedule       | 0 6 * * *                   | schedule-changed
            tags           | [finance]                   | tags-changed
            """)
    void describingARuleDifferentlyIsCosmetic(String field, String yaml, String code) {
        // given
        ObjectNode published = withRule("{id: rule, metric: nullValues, mustBe: 0, severity: error}");
        ObjectNode proposed = withRule("{id: rule, metric: nullValues, mustBe: 0, severity: error}");
        qualityRule(object(proposed, "orders"), "rule").set(field, value(yaml));

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(RULE + "." + field, COSMETIC, code));
    }

    @Test
    void rulesWithoutIdAreMatchedByName() {
        // given
        ObjectNode published = withRule("{name: enough rows, metric: rowCount, mustBeGreaterThan: 10}");
        ObjectNode proposed = withRule("{name: enough rows, metric: rowCount, mustBeGreaterThan: 5}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple("$.schema[orders].quality[enough rows].mustBeGreaterThan",
                BREAKING, "quality-threshold-loosened"));
    }

    @Test
    void rulesWithoutIdOrNameAreMatchedByMetricDimensionAndType() {
        // given
        ObjectNode published = withRule("{metric: rowCount, dimension: completeness, mustBeGreaterThan: 10}");
        ObjectNode proposed = withRule("{metric: rowCount, dimension: completeness, mustBeGreaterThan: 20}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(
                "$.schema[orders].quality[rowCount/completeness/library].mustBeGreaterThan",
                ADDITIVE, "quality-threshold-tightened"));
    }

    @Test
    void rulesWithoutAnyKeyAreMatchedByPosition() {
        // given
        ObjectNode published = withRule("{type: sql, query: select count(*) from orders, mustBeGreaterThan: 10}");
        ObjectNode proposed = withRule("{type: sql, query: select count(*) from orders, mustBeGreaterThan: 20}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(
                tuple("$.schema[orders].quality[0].mustBeGreaterThan", ADDITIVE, "quality-threshold-tightened"));
    }

    @Test
    void reorderingRulesIsNoChange() {
        // given
        ObjectNode published = withRules("[{id: a, metric: rowCount, mustBeGreaterThan: 1}, {id: b, metric: nullValues, mustBe: 0}]");
        ObjectNode proposed = withRules("[{id: b, metric: nullValues, mustBe: 0}, {id: a, metric: rowCount, mustBeGreaterThan: 1}]");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThat(changes).isEmpty();
    }

    private static ObjectNode withRule(String rule) {
        return withRules("[" + rule + "]");
    }

    private static ObjectNode withRules(String rules) {
        ObjectNode contract = Contracts.yaml("""
                apiVersion: v3.1.0
                kind: DataContract
                id: c
                version: 1.0.0
                status: active
                schema:
                  - name: orders
                """);
        object(contract, "orders").set("quality", value(rules));
        return contract;
    }
}
