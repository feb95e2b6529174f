package org.meshgov.contract.compatibility;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.meshgov.contract.compatibility.ChangeKind.ADDITIVE;
import static org.meshgov.contract.compatibility.ChangeKind.BREAKING;
import static org.meshgov.contract.compatibility.Contracts.assertThatChanges;
import static org.meshgov.contract.compatibility.Contracts.value;

class CompatibilityLogicalTypeOptionsTest {

    private static final String OPTIONS = "$.schema[orders].properties[field].logicalTypeOptions";

    private final CompatibilityClassifier classifier = new CompatibilityClassifier();

    @ParameterizedTest(name = "raising {0} is breaking")
    @CsvSource({"maxLength, max-length", "maximum, maximum", "exclusiveMaximum, exclusive-maximum",
            "maxItems, max-items", "maxProperties, max-properties"})
    void raisingAnUpperBoundIsBreaking(String option, String code) {
        // given
        ObjectNode published = withOptions("{" + option + ": 10}");
        ObjectNode proposed = withOptions("{" + option + ": 20}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(OPTIONS + "." + option, BREAKING, code + "-raised"));
    }

    @ParameterizedTest(name = "lowering {0} is additive")
    @CsvSource({"maxLength, max-length", "maximum, maximum", "exclusiveMaximum, exclusive-maximum",
            "maxItems, max-items", "maxProperties, max-properties"})
    void loweringAnUpperBoundIsAdditive(String option, String code) {
        // given
        ObjectNode published = withOptions("{" + option + ": 20}");
        ObjectNode proposed = withOptions("{" + option + ": 10}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(OPTIONS + "." + option, ADDITIVE, code + "-lowered"));
    }

    @Test
    void droppingAnUpperBoundIsBreaking() {
        // given
        ObjectNode published = withOptions("{maxLength: 10}");
        ObjectNode proposed = withOptions("{}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(OPTIONS + ".maxLength", BREAKING, "max-length-removed"));
    }

    @Test
    void addingAnUpperBoundIsAdditive() {
        // given
        ObjectNode published = withOptions("{}");
        ObjectNode proposed = withOptions("{maxLength: 10}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(OPTIONS + ".maxLength", ADDITIVE, "max-length-added"));
    }

    @ParameterizedTest(name = "lowering {0} is breaking")
    @CsvSource({"minLength, min-length", "minimum, minimum", "exclusiveMinimum, exclusive-minimum",
            "minItems, min-items", "minProperties, min-properties"})
    void loweringALowerBoundIsBreaking(String option, String code) {
        // given
        ObjectNode published = withOptions("{" + option + ": 10}");
        ObjectNode proposed = withOptions("{" + option + ": 5}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(OPTIONS + "." + option, BREAKING, code + "-lowered"));
    }

    @ParameterizedTest(name = "raising {0} is additive")
    @CsvSource({"minLength, min-length", "minimum, minimum", "exclusiveMinimum, exclusive-minimum",
            "minItems, min-items", "minProperties, min-properties"})
    void raisingALowerBoundIsAdditive(String option, String code) {
        // given
        ObjectNode published = withOptions("{" + option + ": 5}");
        ObjectNode proposed = withOptions("{" + option + ": 10}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(OPTIONS + "." + option, ADDITIVE, code + "-raised"));
    }

    @Test
    void droppingAMinimumIsBreaking() {
        // given
        ObjectNode published = withOptions("{minimum: 0}");
        ObjectNode proposed = withOptions("{}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(OPTIONS + ".minimum", BREAKING, "minimum-removed"));
    }

    @Test
    void addingAMinimumIsAdditive() {
        // given
        ObjectNode published = withOptions("{}");
        ObjectNode proposed = withOptions("{minimum: 0}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(OPTIONS + ".minimum", ADDITIVE, "minimum-added"));
    }

    @Test
    void droppingAMinimumLengthLowersItToZero() {
        // given
        ObjectNode published = withOptions("{minLength: 3}");
        ObjectNode proposed = withOptions("{}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(OPTIONS + ".minLength", BREAKING, "min-length-lowered"));
    }

    @Test
    void writingOutAZeroMinimumCountIsNoChange() {
        // given
        ObjectNode published = withOptions("{}");
        ObjectNode proposed = withOptions("{minItems: 0}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThat(changes).isEmpty();
    }

    @Test
    void allowingEarlierDatesIsBreaking() {
        // given
        ObjectNode published = withOptions("{minimum: '2020-01-01'}");
        ObjectNode proposed = withOptions("{minimum: '2019-01-01'}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(OPTIONS + ".minimum", BREAKING, "minimum-lowered"));
    }

    @Test
    void cappingTimestampsEarlierIsAdditive() {
        // given
        ObjectNode published = withOptions("{maximum: '2021-01-01 00:00:00+10:00'}");
        ObjectNode proposed = withOptions("{maximum: '2020-12-31 23:00:00+10:00'}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(OPTIONS + ".maximum", ADDITIVE, "maximum-lowered"));
    }

    @Test
    void theSameInstantInAnotherTimeZoneIsNoChange() {
        // given
        ObjectNode published = withOptions("{maximum: '2021-01-01T00:00:00+10:00'}");
        ObjectNode proposed = withOptions("{maximum: '2020-12-31T14:00:00Z'}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThat(changes).isEmpty();
    }

    @Test
    void aBoundThatCannotBeComparedIsBreaking() {
        // given
        ObjectNode published = withOptions("{maximum: '2021-01-01'}");
        ObjectNode proposed = withOptions("{maximum: 'end of 2021'}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(OPTIONS + ".maximum", BREAKING, "maximum-changed"));
    }

    @Test
    void theSameBoundWrittenAsADecimalIsNoChange() {
        // given
        ObjectNode published = withOptions("{maximum: 100}");
        ObjectNode proposed = withOptions("{maximum: 100.0}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThat(changes).isEmpty();
    }

    @ParameterizedTest(name = "changing {0} is breaking")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            pattern         | '^[a-z]+$'       | '^[a-z0-9]+$'  | pattern-changed
            format          | uuid             | uri            | format-changed
            multipleOf      | 5                | 10             | multiple-of-changed
            timezone        | true             | false          | timezone-changed
            defaultTimezone | Europe/Paris     | Etc/UTC        | default-timezone-changed
            x-collation     | en_US            | de_DE          | option-changed
            """)
    void changingADeclaredOptionIsBreaking(String option, String before, String after, String code) {
        // given
        ObjectNode published = withOptions("{" + option + ": " + before + "}");
        ObjectNode proposed = withOptions("{" + option + ": " + after + "}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(OPTIONS + "." + option, BREAKING, code));
    }

    @ParameterizedTest(name = "dropping {0} is breaking")
    @CsvSource({"pattern, pattern-removed", "format, format-removed", "x-collation, option-removed"})
    void droppingADeclaredOptionIsBreaking(String option, String code) {
        // given
        ObjectNode published = withOptions("{" + option + ": something}");
        ObjectNode proposed = withOptions("{}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(OPTIONS + "." + option, BREAKING, code));
    }

    @ParameterizedTest(name = "declaring {0} is additive")
    @CsvSource({"pattern, pattern-added", "format, format-added", "x-collation, option-added"})
    void declaringAnOptionIsAdditive(String option, String code) {
        // given
        ObjectNode published = withOptions("{}");
        ObjectNode proposed = withOptions("{" + option + ": something}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(OPTIONS + "." + option, ADDITIVE, code));
    }

    @Test
    void allowingDuplicateItemsIsBreaking() {
        // given
        ObjectNode published = withOptions("{uniqueItems: true}");
        ObjectNode proposed = withOptions("{uniqueItems: false}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes)
                .containsExactly(tuple(OPTIONS + ".uniqueItems", BREAKING, "unique-items-relaxed"));
    }

    @Test
    void forbiddingDuplicateItemsIsAdditive() {
        // given
        ObjectNode published = withOptions("{}");
        ObjectNode proposed = withOptions("{uniqueItems: true}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes)
                .containsExactly(tuple(OPTIONS + ".uniqueItems", ADDITIVE, "unique-items-tightened"));
    }

    @Test
    void noLongerRequiringANestedPropertyIsBreaking() {
        // given
        ObjectNode published = withOptions("{required: [street, city]}");
        ObjectNode proposed = withOptions("{required: [city]}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(OPTIONS + ".required", BREAKING, "required-relaxed"));
    }

    @Test
    void requiringAnotherNestedPropertyIsAdditive() {
        // given
        ObjectNode published = withOptions("{required: [city]}");
        ObjectNode proposed = withOptions("{required: [city, street]}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(OPTIONS + ".required", ADDITIVE, "required-tightened"));
    }

    private static ObjectNode withOptions(String options) {
        ObjectNode contract = Contracts.yaml("""
                apiVersion: v3.1.0
                kind: DataContract
                id: c
                version: 1.0.0
                status: active
                schema:
                  - name: orders
                    properties:
                      - name: field
                """);
        Contracts.property(contract, "orders", "field").set("logicalTypeOptions", value(options));
        return contract;
    }
}
