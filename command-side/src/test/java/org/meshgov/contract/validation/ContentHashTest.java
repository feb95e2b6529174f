package org.meshgov.contract.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    private static final ContractDocumentParser PARSER = new ContractDocumentParser();

    private static final String YAML = """
            apiVersion: v3.1.0
            kind: DataContract
            id: orders-contract
            version: 1.0.0
            status: active
            contractCreatedTs: 2024-01-01T00:00:00Z
            description: {purpose: "Orders — per day", limitations: ""}
            schema:
              - name: orders
                properties:
                  - name: amount
                    logicalType: number
                    logicalTypeOptions: {minimum: 0, maximum: 1.5e3}
                    required: true
                    examples: [1.0, 2.50, -0.0]
                  - name: note
                    description:
            """;

    private static final String SAME_AS_JSON = """
            {
              "schema": [
                {
                  "properties": [
                    {
                      "required": true,
                      "logicalTypeOptions": {"maximum": 1500, "minimum": 0.0},
                      "logicalType": "number",
                      "name": "amount",
                      "examples": [1, 2.5, 0]
                    },
                    {"name": "note", "description": null}
                  ],
                  "name": "orders"
                }
              ],
              "description": {"limitations": "", "purpose": "Orders \\u2014 per day"},
              "contractCreatedTs": "2024-01-01T00:00:00Z",
              "status": "active",
              "version": "1.0.0",
              "id": "orders-contract",
              "kind": "DataContract",
              "apiVersion": "v3.1.0"
            }
            """;

    private static JsonNode yaml(String text) {
        return PARSER.parse(text.getBytes(StandardCharsets.UTF_8), DocumentFormat.YAML);
    }

    private static JsonNode json(String text) {
        return PARSER.parse(text.getBytes(StandardCharsets.UTF_8), DocumentFormat.JSON);
    }

    @Test
    void the_same_content_as_yaml_and_as_json_has_the_same_hash() {
        assertThat(ContentHash.of(yaml(YAML))).isEqualTo(ContentHash.of(json(SAME_AS_JSON)));
    }

    @Test
    void changing_one_value_changes_the_hash() {
        assertThat(ContentHash.of(yaml(YAML.replace("status: active", "status: retired"))))
                .isNotEqualTo(ContentHash.of(yaml(YAML)));
    }

    @Test
    void changing_a_number_changes_the_hash() {
        assertThat(ContentHash.of(yaml(YAML.replace("minimum: 0,", "minimum: 0.5,"))))
                .isNotEqualTo(ContentHash.of(yaml(YAML)));
    }

    @Test
    void changing_a_string_to_a_number_with_the_same_text_changes_the_hash() {
        assertThat(ContentHash.of(json("{\"a\": \"1\"}"))).isNotEqualTo(ContentHash.of(json("{\"a\": 1}")));
    }

    @Test
    void key_order_does_not_change_the_hash() {
        assertThat(ContentHash.of(json("{\"a\": 1, \"b\": {\"x\": true, \"y\": null}}")))
                .isEqualTo(ContentHash.of(json("{\"b\": {\"y\": null, \"x\": true}, \"a\": 1}")));
    }

    @Test
    void array_order_changes_the_hash() {
        assertThat(ContentHash.of(json("{\"tags\": [\"a\", \"b\"]}")))
                .isNotEqualTo(ContentHash.of(json("{\"tags\": [\"b\", \"a\"]}")));
    }

    @Test
    void whitespace_and_comments_do_not_change_the_hash() {
        assertThat(ContentHash.of(yaml("# owner: sales\nid:    orders   \ntags: [a,   b]\n")))
                .isEqualTo(ContentHash.of(yaml("id: orders\ntags:\n  - a\n  - b\n")));
    }

    @Test
    void numbers_are_compared_by_value() {
        assertThat(ContentHash.of(json("{\"n\": 1.0, \"m\": 1e2, \"k\": 0.50}")))
                .isEqualTo(ContentHash.of(json("{\"n\": 1, \"m\": 100, \"k\": 0.5}")));
    }

    @Test
    void the_canonical_form_has_sorted_keys_and_no_whitespace() {
        assertThat(ContentHash.canonicalJson(json("{ \"b\": [1.0, \"x y\"], \"a\": {\"d\": false, \"c\": null} }")))
                .isEqualTo("{\"a\":{\"c\":null,\"d\":false},\"b\":[1,\"x y\"]}");
    }

    @Test
    void the_hash_is_the_lower_case_hex_sha256_of_the_canonical_form() {
        // sha256("{}")
        assertThat(ContentHash.of(json("{ }")))
                .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    }

    @Test
    void a_non_finite_number_cannot_be_hashed() {
        JsonNode node = JsonNodeFactory.instance.objectNode().put("x", Double.NaN);

        assertThatThrownBy(() -> ContentHash.of(node)).isInstanceOf(IllegalArgumentException.class);
    }
}
