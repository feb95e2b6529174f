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
import static org.meshgov.contract.compatibility.Contracts.objects;
import static org.meshgov.contract.compatibility.Contracts.properties;
import static org.meshgov.contract.compatibility.Contracts.property;
import static org.meshgov.contract.compatibility.Contracts.remove;
import static org.meshgov.contract.compatibility.Contracts.value;

class CompatibilitySchemaTest {

    private static final String ORDER_ID = "$.schema[orders].properties[order_id]";

    private final CompatibilityClassifier classifier = new CompatibilityClassifier();
    private final ObjectNode published = Contracts.base();
    private final ObjectNode proposed = Contracts.base();

    @Test
    void removingAnObjectIsBreaking() {
        // given
        remove(objects(proposed), "name", "orders");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple("$.schema[orders]", BREAKING, "object-removed"));
    }

    @Test
    void addingAnObjectIsAdditive() {
        // given
        objects(proposed).add(value("{name: customers, properties: [{name: customer_id, logicalType: string}]}"));

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple("$.schema[customers]", ADDITIVE, "object-added"));
    }

    @Test
    void removingAPropertyIsBreaking() {
        // given
        remove(properties(proposed, "orders"), "name", "amount");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes)
                .containsExactly(tuple("$.schema[orders].properties[amount]", BREAKING, "property-removed"));
    }

    @Test
    void addingAnOptionalPropertyIsAdditive() {
        // given
        properties(proposed, "orders").add(value("{name: coupon, logicalType: string}"));

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes)
                .containsExactly(tuple("$.schema[orders].properties[coupon]", ADDITIVE, "property-added"));
    }

    @Test
    void addingARequiredPropertyIsAdditiveBecauseReadersOnlyGainAColumn() {
        // given
        properties(proposed, "orders").add(value("{name: currency, logicalType: string, required: true}"));

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes)
                .containsExactly(tuple("$.schema[orders].properties[currency]", ADDITIVE, "property-added"));
    }

    @Test
    void removingAPropertyOfArrayItemsIsBreaking() {
        // given
        ((ArrayNode) property(proposed, "orders", "lines").get("items").get("properties")).remove(0);

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(
                tuple("$.schema[orders].properties[lines].items.properties[sku]", BREAKING, "property-removed"));
    }

    @Test
    void droppingTheItemsDefinitionIsBreaking() {
        // given
        property(proposed, "orders", "lines").remove("items");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes)
                .containsExactly(tuple("$.schema[orders].properties[lines].items", BREAKING, "items-removed"));
    }

    @Test
    void definingItemsOfAnArrayIsAdditive() {
        // given
        property(published, "orders", "lines").remove("items");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes)
                .containsExactly(tuple("$.schema[orders].properties[lines].items", ADDITIVE, "items-added"));
    }

    @Test
    void changingTheLogicalTypeIsBreaking() {
        // given
        property(proposed, "orders", "amount").put("logicalType", "string");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(
                tuple("$.schema[orders].properties[amount].logicalType", BREAKING, "logical-type-changed"));
    }

    @Test
    void changingTheLogicalTypeReportsBothValues() {
        // given
        property(proposed, "orders", "amount").put("logicalType", "string");

        // when
        Change change = classifier.compare(published, proposed).get(0);

        // then
        assertThat(change.before().asText()).isEqualTo("number");
        assertThat(change.after().asText()).isEqualTo("string");
    }

    @Test
    void droppingTheLogicalTypeIsBreaking() {
        // given
        property(proposed, "orders", "amount").remove("logicalType");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(
                tuple("$.schema[orders].properties[amount].logicalType", BREAKING, "logical-type-removed"));
    }

    @Test
    void declaringALogicalTypeIsAdditive() {
        // given
        property(published, "orders", "amount").remove("logicalType");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(
                tuple("$.schema[orders].properties[amount].logicalType", ADDITIVE, "logical-type-added"));
    }

    @Test
    void changingThePhysicalTypeIsBreaking() {
        // given
        property(proposed, "orders", "order_id").put("physicalType", "varchar(64)");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes)
                .containsExactly(tuple(ORDER_ID + ".physicalType", BREAKING, "physical-type-changed"));
    }

    @Test
    void turningATableIntoAViewIsBreaking() {
        // given
        object(proposed, "orders").put("physicalType", "view");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes)
                .containsExactly(tuple("$.schema[orders].physicalType", BREAKING, "physical-type-changed"));
    }

    @Test
    void renamingThePhysicalTableIsBreaking() {
        // given
        object(proposed, "orders").put("physicalName", "orders_v2");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes)
                .containsExactly(tuple("$.schema[orders].physicalName", BREAKING, "physical-name-changed"));
    }

    @Test
    void renamingTheEncryptedColumnIsBreaking() {
        // given
        property(published, "orders", "order_id").put("encryptedName", "order_id_enc");
        property(proposed, "orders", "order_id").put("encryptedName", "order_id_encrypted");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes)
                .containsExactly(tuple(ORDER_ID + ".encryptedName", BREAKING, "encrypted-name-changed"));
    }

    @Test
    void makingARequiredPropertyOptionalIsBreaking() {
        // given
        property(proposed, "orders", "order_id").put("required", false);

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(ORDER_ID + ".required", BREAKING, "required-relaxed"));
    }

    @Test
    void droppingRequiredTrueIsBreakingBecauseAbsentMeansOptional() {
        // given
        property(proposed, "orders", "order_id").remove("required");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(ORDER_ID + ".required", BREAKING, "required-relaxed"));
    }

    @Test
    void makingAnOptionalPropertyRequiredIsAdditive() {
        // given
        property(proposed, "orders", "amount").put("required", true);

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(
                tuple("$.schema[orders].properties[amount].required", ADDITIVE, "required-tightened"));
    }

    @Test
    void writingOutRequiredFalseIsNoChange() {
        // given
        property(proposed, "orders", "amount").put("required", false);

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThat(changes).isEmpty();
    }

    @Test
    void givingUpUniquenessIsBreaking() {
        // given
        property(proposed, "orders", "order_id").put("unique", false);

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(ORDER_ID + ".unique", BREAKING, "unique-relaxed"));
    }

    @Test
    void promisingUniquenessIsAdditive() {
        // given
        property(proposed, "orders", "amount").put("unique", true);

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(
                tuple("$.schema[orders].properties[amount].unique", ADDITIVE, "unique-tightened"));
    }

    @Test
    void leavingThePrimaryKeyIsBreaking() {
        // given
        property(proposed, "orders", "order_id").put("primaryKey", false);

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(ORDER_ID + ".primaryKey", BREAKING, "primary-key-changed"));
    }

    @Test
    void joiningThePrimaryKeyIsBreaking() {
        // given
        property(proposed, "orders", "amount").put("primaryKey", true);

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(
                tuple("$.schema[orders].properties[amount].primaryKey", BREAKING, "primary-key-changed"));
    }

    @Test
    void movingWithinThePrimaryKeyIsBreaking() {
        // given
        property(proposed, "orders", "order_id").put("primaryKeyPosition", 2);

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes)
                .containsExactly(tuple(ORDER_ID + ".primaryKeyPosition", BREAKING, "primary-key-position-changed"));
    }

    @Test
    void writingOutTheDefaultPrimaryKeyPositionIsNoChange() {
        // given
        property(proposed, "orders", "amount").put("primaryKey", false).put("primaryKeyPosition", -1);

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThat(changes).isEmpty();
    }

    @Test
    void changingTheClassificationIsBreaking() {
        // given
        property(proposed, "orders", "order_id").put("classification", "public");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes)
                .containsExactly(tuple(ORDER_ID + ".classification", BREAKING, "classification-changed"));
    }

    @Test
    void classifyingAPropertyForTheFirstTimeIsBreaking() {
        // given
        property(proposed, "orders", "amount").put("classification", "restricted");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(
                tuple("$.schema[orders].properties[amount].classification", BREAKING, "classification-changed"));
    }

    @ParameterizedTest(name = "{0} is cosmetic")
    @CsvSource(delimiter = '|', textBlock = """
            description                | Grand total in euros              | description-changed
            businessName               | Order total                       | business-name-changed
            tags                       | [finance]                         | tags-changed
            examples                   | [12.5, 99]                        | examples-changed
            authoritativeDefinitions   | [{type: wiki, url: https://x}]    | authoritative-definitions-changed
            customProperties           | [{property: owner, value: bob}]   | custom-properties-changed
            criticalDataElement        | true                              | critical-data-element-changed
            partitioned                | true                              | partitioned-changed
            partitionKeyPosition       | 1                                 | partition-key-position-changed
            transformLogic             | sum(lines.price)                  | transform-logic-changed
            transformDescription       | Sum of the line prices            | transform-description-changed
            transformSourceObjects     | [order_lines]                     | transform-source-objects-changed
            id                         | amount_prop                       | id-changed
            """)
    void documentingAPropertyIsCosmetic(String field, String yaml, String code) {
        // given
        property(proposed, "orders", "amount").set(field, value(yaml));

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes)
                .containsExactly(tuple("$.schema[orders].properties[amount]." + field, COSMETIC, code));
    }

    @Test
    void describingAnObjectDifferentlyIsCosmetic() {
        // given
        object(proposed, "orders").put("dataGranularityDescription", "One row per order and day");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(
                tuple("$.schema[orders].dataGranularityDescription", COSMETIC, "data-granularity-description-changed"));
    }

    @Test
    void aFieldTheStandardDoesNotKnowIsBreakingWhenChanged() {
        // given
        property(proposed, "orders", "amount").put("x-precision", 4);

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(
                tuple("$.schema[orders].properties[amount].x-precision", BREAKING, "field-changed"));
    }

    @Test
    void droppingARelationshipIsBreaking() {
        // given
        property(published, "orders", "order_id").set("relationships", value("[{to: invoices.order_id}]"));

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(
                tuple(ORDER_ID + ".relationships[invoices.order_id]", BREAKING, "relationship-removed"));
    }

    @Test
    void addingACompositeRelationshipIsAdditive() {
        // given
        object(proposed, "orders").set("relationships",
                value("[{from: [orders.order_id, orders.amount], to: [invoices.order_id, invoices.total]}]"));

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple(
                "$.schema[orders].relationships[orders.order_id,orders.amount->invoices.order_id,invoices.total]",
                ADDITIVE, "relationship-added"));
    }

    @Test
    void annotatingARelationshipIsCosmetic() {
        // given
        property(published, "orders", "order_id").set("relationships", value("[{to: invoices.order_id}]"));
        property(proposed, "orders", "order_id").set("relationships",
                value("[{to: invoices.order_id, customProperties: [{property: cardinality, value: one-to-one}]}]"));

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(
                tuple(ORDER_ID + ".relationships[invoices.order_id]", COSMETIC, "relationship-changed"));
    }
}
