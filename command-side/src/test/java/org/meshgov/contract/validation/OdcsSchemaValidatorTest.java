package org.meshgov.contract.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.meshgov.governance.Violation;

class OdcsSchemaValidatorTest {

    private static final ContractDocumentParser PARSER = new ContractDocumentParser();
    private static final OdcsSchemaValidator VALIDATOR = new OdcsSchemaValidator();

    private static final String VALID = """
            apiVersion: v3.1.0
            kind: DataContract
            id: orders-contract
            version: 1.0.0
            status: active
            domain: sales
            contractCreatedTs: 2024-01-01T00:00:00Z
            schema:
              - name: orders
                physicalType: table
                properties:
                  - name: order_id
                    logicalType: string
                    required: true
                  - name: amount
                    logicalType: number
                  - name: placed_at
                    logicalType: timestamp
            """;

    private static JsonNode yaml(String text) {
        return PARSER.parse(text.getBytes(StandardCharsets.UTF_8), DocumentFormat.YAML);
    }

    private static List<Violation> validate(String yaml) {
        return VALIDATOR.validate(yaml(yaml));
    }

    @Test
    void a_valid_contract_has_no_violations() {
        assertThat(validate(VALID)).isEmpty();
    }

    @Test
    void an_unquoted_yaml_timestamp_passes_the_date_time_format() {
        assertThat(validate(VALID.replace("contractCreatedTs: 2024-01-01T00:00:00Z",
                "contractCreatedTs: 2024-01-01T00:00:00.123+02:00"))).isEmpty();
    }

    @Test
    void a_missing_required_field_is_reported_at_the_missing_member() {
        assertThat(validate(VALID.replace("status: active\n", "")))
                .containsExactly(new Violation("$.status", "schema:required", "required property 'status' not found"));
    }

    @Test
    void a_value_outside_an_enum_is_reported_with_the_enum_rule() {
        assertThat(validate(VALID.replace("kind: DataContract", "kind: Contract")))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.path()).isEqualTo("$.kind");
                    assertThat(v.rule()).isEqualTo("schema:enum");
                    assertThat(v.message()).contains("DataContract");
                });
    }

    @Test
    void a_wrong_enum_in_a_nested_property_is_reported_at_its_full_path() {
        assertThat(validate(VALID.replace("logicalType: timestamp", "logicalType: datetime")))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.path()).isEqualTo("$.schema[0].properties[2].logicalType");
                    assertThat(v.rule()).isEqualTo("schema:enum");
                });
    }

    @Test
    void a_wrong_type_in_a_nested_property_is_reported_at_its_full_path() {
        assertThat(validate(VALID.replace("required: true", "required: \"yes\"")))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.path()).isEqualTo("$.schema[0].properties[0].required");
                    assertThat(v.rule()).isEqualTo("schema:type");
                    assertThat(v.message()).contains("boolean");
                });
    }

    @Test
    void an_unquoted_yaml_version_number_is_a_type_violation() {
        assertThat(validate(VALID.replace("version: 1.0.0", "version: 1.0")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$.version", "schema:type"));
    }

    @Test
    void an_unknown_top_level_field_is_reported_once_as_an_additional_property() {
        assertThat(validate(VALID + "owner: finance\n"))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$.owner", "schema:additionalProperties"));
    }

    @Test
    void an_unknown_field_in_a_property_is_reported_as_unevaluated() {
        assertThat(validate(VALID.replace("logicalType: number", "logicalType: number\n        colour: red")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$.schema[0].properties[1].colour",
                        "schema:unevaluatedProperties"));
    }

    @Test
    void an_unknown_field_is_still_reported_next_to_another_problem_in_the_same_property() {
        String doc = VALID.replace("logicalType: number", "logicalType: numeric\n        colour: red");

        assertThat(validate(doc))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("$.schema[0].properties[1].colour", "schema:unevaluatedProperties"),
                        org.assertj.core.groups.Tuple.tuple("$.schema[0].properties[1].logicalType", "schema:enum"));
    }

    @Test
    void a_property_missing_its_name_is_reported_at_the_name() {
        assertThat(validate(VALID.replace("- name: amount\n", "- physicalName: amount\n")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$.schema[0].properties[1].name", "schema:required"));
    }

    @Test
    void wrong_logical_type_options_are_reported_inside_the_options() {
        String doc = VALID.replace("logicalType: string\n", """
                logicalType: string
                        logicalTypeOptions:
                          maxLength: "ten"
                """);

        assertThat(validate(doc))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "$.schema[0].properties[0].logicalTypeOptions.maxLength", "schema:type"));
    }

    @Test
    void an_invalid_date_time_is_reported_with_the_format_rule() {
        assertThat(validate(VALID.replace("contractCreatedTs: 2024-01-01T00:00:00Z", "contractCreatedTs: yesterday")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$.contractCreatedTs", "schema:format"));
    }

    @Test
    void violations_are_ordered_by_path_with_array_indices_compared_as_numbers() {
        StringBuilder doc = new StringBuilder(VALID.replace("status: active\n", "")).append("  - name: second\n    properties:\n");
        for (int i = 0; i < 12; i++) {
            doc.append("      - name: p").append(i).append("\n        logicalType: ")
                    .append(i == 2 || i == 10 ? "wrong" : "string").append('\n');
        }

        assertThat(validate(doc.toString()))
                .extracting(Violation::path)
                .containsExactly(
                        "$.schema[1].properties[2].logicalType",
                        "$.schema[1].properties[10].logicalType",
                        "$.status");
    }

    @Test
    void validating_the_same_document_twice_gives_the_same_list() {
        JsonNode document = yaml(VALID.replace("kind: DataContract", "kind: x").replace("required: true", "required: 1"));

        assertThat(VALIDATOR.validate(document)).hasSize(2).isEqualTo(VALIDATOR.validate(document));
    }

    @Test
    void one_validator_can_be_used_from_many_threads_at_once() throws Exception {
        JsonNode valid = yaml(VALID);
        JsonNode invalid = yaml(VALID.replace("kind: DataContract", "kind: x"));
        List<Violation> expectedInvalid = VALIDATOR.validate(invalid);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean even = i % 2 == 0;
                results.add(pool.submit(() -> even
                        ? VALIDATOR.validate(valid).isEmpty()
                        : VALIDATOR.validate(invalid).equals(expectedInvalid)));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
