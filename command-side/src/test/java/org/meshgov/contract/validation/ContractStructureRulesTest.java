package org.meshgov.contract.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.meshgov.governance.Violation;

class ContractStructureRulesTest {

    private static final ContractDocumentParser PARSER = new ContractDocumentParser();
    private static final ContractStructureRules RULES = new ContractStructureRules();

    private static final String VALID = """
            apiVersion: v3.1.0
            kind: DataContract
            id: orders-contract
            version: 1.0.0
            status: active
            domain: sales
            schema:
              - name: orders
                properties:
                  - name: order_id
                  - name: lines
                    logicalType: array
                    items:
                      logicalType: object
                      properties:
                        - name: sku
                        - name: quantity
                  - name: address
                    logicalType: object
                    properties:
                      - name: street
                      - name: city
              - name: customers
                properties:
                  - name: order_id
            """;

    private static List<Violation> check(String yaml) {
        JsonNode document = PARSER.parse(yaml.getBytes(StandardCharsets.UTF_8), DocumentFormat.YAML);
        return RULES.check(document);
    }

    private static String withVersion(String version) {
        return VALID.replace("version: 1.0.0", "version: " + version);
    }

    private static String withId(String id) {
        return VALID.replace("id: orders-contract", "id: " + id);
    }

    @Test
    void a_well_formed_contract_breaks_no_rule() {
        assertThat(check(VALID)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.1", "1.2.3", "10.20.30", "1.0.0-alpha", "1.0.0-rc.1", "1.0.0-alpha.beta.1",
            "1.0.0+build.5", "1.0.0-rc.1+sha.5114f85", "1.0.0-0A.is.legal"})
    void a_semantic_version_is_accepted(String version) {
        assertThat(check(withVersion("'" + version + "'"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.0", "v1.0.0", "01.0.0", "1.02.0", "1.0.0-", "1.0.0-01", "1.0.0+", "1.0.0.0",
            "1.0.0 ", "latest", "''"})
    void a_version_that_is_not_strict_semver_is_reported(String version) {
        assertThat(check(withVersion("'" + version.replace("'", "") + "'")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("$.version", "semver"));
    }

    @Test
    void a_missing_version_is_reported() {
        assertThat(check(VALID.replace("version: 1.0.0\n", "")))
                .containsExactly(new Violation("$.version", "semver", "version is required"));
    }

    @Test
    void a_version_written_as_a_yaml_number_is_reported_with_a_hint_to_quote_it() {
        assertThat(check(withVersion("1.0")))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.rule()).isEqualTo("semver");
                    assertThat(v.message()).contains("quote it");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders", "53581432-6c55-4ba2-a65f-72344a91553a", "urn:sales:orders.v1", "a_b.c-d:e"})
    void a_safe_contract_id_is_accepted(String id) {
        assertThat(check(withId("'" + id + "'"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders contract", "orders/contract", "../../etc/passwd", "ordérs", "a;b", "<script>"})
    void an_id_with_unsafe_characters_is_reported(String id) {
        assertThat(check(withId("'" + id + "'")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("$.id", "contract-id"));
    }

    @Test
    void a_missing_id_is_reported() {
        assertThat(check(VALID.replace("id: orders-contract\n", "")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("$.id", "contract-id"));
    }

    @Test
    void a_blank_id_is_reported() {
        assertThat(check(withId("'   '")))
                .extracting(Violation::message)
                .containsExactly("id must not be blank");
    }

    @Test
    void an_id_of_200_characters_is_accepted() {
        assertThat(check(withId("a".repeat(200)))).isEmpty();
    }

    @Test
    void an_id_longer_than_200_characters_is_reported() {
        assertThat(check(withId("a".repeat(201))))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("$.id", "contract-id"));
    }

    @Test
    void a_numeric_id_is_reported() {
        assertThat(check(withId("42")))
                .extracting(Violation::rule)
                .containsExactly("contract-id");
    }

    @Test
    void a_missing_domain_is_reported() {
        assertThat(check(VALID.replace("domain: sales\n", "")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("$.domain", "domain-required"));
    }

    @Test
    void a_blank_domain_is_reported() {
        assertThat(check(VALID.replace("domain: sales", "domain: ''")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("$.domain", "domain-required"));
    }

    @Test
    void a_duplicate_object_name_is_reported_at_the_later_object() {
        assertThat(check(VALID.replace("- name: customers", "- name: orders")))
                .containsExactly(new Violation("$.schema[1].name", "unique-property-name",
                        "object name 'orders' is already used at $.schema[0]"));
    }

    @Test
    void a_duplicate_property_name_in_an_object_is_reported_at_the_later_property() {
        assertThat(check(VALID.replace("- name: address", "- name: order_id")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("$.schema[0].properties[2].name", "unique-property-name"));
    }

    @Test
    void a_duplicate_name_among_nested_object_properties_is_reported() {
        assertThat(check(VALID.replace("- name: city", "- name: street")))
                .extracting(Violation::path)
                .containsExactly("$.schema[0].properties[2].properties[1].name");
    }

    @Test
    void a_duplicate_name_among_array_item_properties_is_reported() {
        assertThat(check(VALID.replace("- name: quantity", "- name: sku")))
                .extracting(Violation::path)
                .containsExactly("$.schema[0].properties[1].items.properties[1].name");
    }

    @Test
    void the_same_property_name_in_different_objects_is_allowed() {
        assertThat(check(VALID)).isEmpty();
    }

    @Test
    void names_are_compared_case_sensitively() {
        assertThat(check(VALID.replace("- name: address", "- name: ORDER_ID"))).isEmpty();
    }

    @Test
    void every_broken_rule_is_reported_in_a_fixed_order() {
        String doc = VALID.replace("version: 1.0.0\n", "version: '1.0'\n")
                .replace("id: orders-contract", "id: 'bad id'")
                .replace("domain: sales\n", "")
                .replace("- name: customers", "- name: orders");

        assertThat(check(doc))
                .extracting(Violation::rule)
                .containsExactly("semver", "contract-id", "domain-required", "unique-property-name");
    }

    @Test
    void a_schema_that_is_not_a_list_is_left_to_the_schema_validator() {
        assertThat(check(VALID.substring(0, VALID.indexOf("schema:")) + "schema: orders\n")).isEmpty();
    }
}
