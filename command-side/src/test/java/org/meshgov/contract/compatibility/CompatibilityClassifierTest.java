package org.meshgov.contract.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
import static org.meshgov.contract.compatibility.Contracts.objects;
import static org.meshgov.contract.compatibility.Contracts.properties;
import static org.meshgov.contract.compatibility.Contracts.property;
import static org.meshgov.contract.compatibility.Contracts.remove;
import static org.meshgov.contract.compatibility.Contracts.server;
import static org.meshgov.contract.compatibility.Contracts.value;

class CompatibilityClassifierTest {

    private final CompatibilityClassifier classifier = new CompatibilityClassifier();
    private final ObjectNode published = Contracts.base();
    private final ObjectNode proposed = Contracts.base();

    @Test
    void anUnchangedContractHasNoChanges() {
        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThat(changes).isEmpty();
    }

    @Test
    void versionStatusAndCreationTimeAreNotCompared() {
        // given
        proposed.put("version", "2.0.0").put("status", "draft").put("contractCreatedTs", "2025-01-01T00:00:00Z");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThat(changes).isEmpty();
    }

    @Test
    void reorderingObjectsAndPropertiesIsNoChange() {
        // given
        ArrayNode properties = properties(proposed, "orders");
        properties.insert(0, properties.remove(3));
        objects(proposed).insert(0, value("{name: customers}"));
        objects(published).add(value("{name: customers}"));

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThat(changes).isEmpty();
    }

    @Test
    void theSameContractReadFromJsonAndFromYamlHasNoChanges() throws Exception {
        // given
        JsonNode fromJson = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(published)
                .replace("\"maximum\":10000", "\"maximum\":10000.0"));

        // when
        List<Change> changes = classifier.compare(published, fromJson);

        // then
        assertThat(fromJson.toString()).contains("10000.0");
        assertThat(changes).isEmpty();
    }

    @Test
    void anExplicitNullIsTheSameAsAnAbsentField() {
        // given
        property(proposed, "orders", "amount").putNull("businessName");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThat(changes).isEmpty();
    }

    @ParameterizedTest(name = "changing {0} is cosmetic")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            name                     | Web shop orders                              | name-changed
            description              | {purpose: Every order, usage: Reporting}     | description-changed
            tags                     | [sales, orders]                              | tags-changed
            domain                   | retail                                       | domain-changed
            dataProduct              | orders                                       | data-product-changed
            tenant                   | acme                                         | tenant-changed
            apiVersion               | v3.0.2                                       | api-version-changed
            support                  | [{channel: '#orders', tool: slack}]          | support-changed
            team                     | {name: order-team}                           | team-changed
            roles                    | [{role: orders_reader, access: read}]        | roles-changed
            price                    | {priceAmount: 1, priceCurrency: EUR}         | price-changed
            authoritativeDefinitions | [{type: canonical, url: https://x}]          | authoritative-definitions-changed
            customProperties         | [{property: cost-center, value: 42}]         | custom-properties-changed
            """)
    void changingContractDocumentationIsCosmetic(String field, String yaml, String code) {
        // given
        proposed.set(field, value(yaml));

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple("$." + field, COSMETIC, code));
    }

    @Test
    void changingTheContractIdIsBreaking() {
        // given
        proposed.put("id", "another-contract");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple("$.id", BREAKING, "contract-id-changed"));
    }

    @Test
    void movingTheDefaultSlaElementIsBreaking() {
        // given
        proposed.put("slaDefaultElement", "orders.order_id");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple("$.slaDefaultElement", BREAKING, "sla-default-element-changed"));
    }

    @Test
    void aTopLevelFieldTheStandardDoesNotKnowIsBreakingWhenChanged() {
        // given
        proposed.put("x-retention-policy", "gdpr");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple("$.x-retention-policy", BREAKING, "field-changed"));
    }

    @Test
    void removingAServerIsBreaking() {
        // given
        ((ArrayNode) proposed.get("servers")).removeAll();

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple("$.servers[production]", BREAKING, "server-removed"));
    }

    @Test
    void addingAServerIsAdditive() {
        // given
        ((ArrayNode) proposed.get("servers")).add(value("{server: analytics, type: snowflake, account: acme}"));

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple("$.servers[analytics]", ADDITIVE, "server-added"));
    }

    @Test
    void movingAServerIsBreaking() {
        // given
        server(proposed, "production").put("host", "db2.example.com");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple("$.servers[production].host", BREAKING, "server-changed"));
    }

    @Test
    void describingAServerIsCosmetic() {
        // given
        server(proposed, "production").put("description", "Primary database");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes)
                .containsExactly(tuple("$.servers[production].description", COSMETIC, "description-changed"));
    }

    @Test
    void elementsSharingANameAreNumberedInDocumentOrder() {
        // given
        properties(published, "orders").add(value("{name: amount, logicalType: integer}"));
        properties(proposed, "orders").add(value("{name: amount, logicalType: string}"));

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(
                tuple("$.schema[orders].properties[amount#2].logicalType", BREAKING, "logical-type-changed"));
    }

    @Test
    void changesFollowThePublishedDocumentWithNewElementsLast() {
        // given
        properties(proposed, "orders").add(value("{name: coupon}"));
        property(proposed, "orders", "order_id").put("description", "The order number");
        remove(properties(proposed, "orders"), "name", "ordered_at");
        proposed.put("name", "Web shop orders");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(
                tuple("$.name", COSMETIC, "name-changed"),
                tuple("$.schema[orders].properties[order_id].description", COSMETIC, "description-changed"),
                tuple("$.schema[orders].properties[ordered_at]", BREAKING, "property-removed"),
                tuple("$.schema[orders].properties[coupon]", ADDITIVE, "property-added"));
    }

    @Test
    void anAbsentValueIsReportedAsNull() {
        // given
        property(proposed, "orders", "amount").remove("description");

        // when
        Change change = classifier.compare(published, proposed).get(0);

        // then
        assertThat(change.before()).isEqualTo(TextNode.valueOf("Total in euros"));
        assertThat(change.after()).isNull();
    }

    @Test
    void reportedValuesDoNotChangeWithTheDocuments() {
        // given
        property(proposed, "orders", "amount").put("businessName", "Total");
        Change change = classifier.compare(published, proposed).get(0);

        // when
        property(proposed, "orders", "amount").put("businessName", "Sum");

        // then
        assertThat(change.after()).isEqualTo(TextNode.valueOf("Total"));
    }

    @Test
    void theOverallKindIsTheMostSevere() {
        // given
        List<Change> changes = List.of(
                new Change("$.name", COSMETIC, "name-changed", null, null),
                new Change("$.schema[a]", BREAKING, "object-removed", null, null),
                new Change("$.schema[b]", ADDITIVE, "object-added", null, null));

        // when / then
        assertThat(CompatibilityClassifier.overall(changes)).contains(BREAKING);
    }

    @Test
    void noChangesHaveNoOverallKind() {
        // when / then
        assertThat(CompatibilityClassifier.overall(List.of())).isEmpty();
    }

    @Test
    void kindsAreOrderedBySeverity() {
        // when / then
        assertThat(ChangeKind.values()).containsExactly(COSMETIC, ADDITIVE, BREAKING);
        assertThat(COSMETIC.mostSevere(ADDITIVE)).isEqualTo(ADDITIVE);
        assertThat(BREAKING.mostSevere(ADDITIVE)).isEqualTo(BREAKING);
    }
}
