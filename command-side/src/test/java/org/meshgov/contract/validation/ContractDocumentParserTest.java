package org.meshgov.contract.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every test here, hostile input included, must finish within a second. */
@Timeout(value = 1, unit = TimeUnit.SECONDS)
class ContractDocumentParserTest {

    private static final ContractDocumentParser PARSER = new ContractDocumentParser();

    @BeforeAll
    static void warmUp() {
        // load and JIT the YAML and JSON code paths once, so the time limits below measure the input alone
        yaml("a: [1, {b: c}]\n");
        json("{\"a\": [1, {\"b\": \"c\"}]}");
    }

    private static JsonNode yaml(String text) {
        return PARSER.parse(text.getBytes(StandardCharsets.UTF_8), DocumentFormat.YAML);
    }

    private static JsonNode json(String text) {
        return PARSER.parse(text.getBytes(StandardCharsets.UTF_8), DocumentFormat.JSON);
    }

    @Nested
    class WellFormedDocuments {

        @Test
        void a_yaml_mapping_becomes_an_object_tree() {
            JsonNode document = yaml("""
                    id: orders
                    version: 1.0.0
                    schema:
                      - name: orders
                        properties:
                          - name: id
                            primaryKey: true
                            primaryKeyPosition: 1
                    """);

            assertThat(document.isObject()).isTrue();
            assertThat(document.at("/schema/0/properties/0/name").textValue()).isEqualTo("id");
            assertThat(document.at("/schema/0/properties/0/primaryKey").isBoolean()).isTrue();
            assertThat(document.at("/schema/0/properties/0/primaryKeyPosition").intValue()).isEqualTo(1);
        }

        @Test
        void a_json_object_becomes_an_object_tree() {
            JsonNode document = json("{\"id\": \"orders\", \"tags\": [\"a\", \"b\"], \"price\": {\"priceAmount\": 9.5}}");

            assertThat(document.get("id").textValue()).isEqualTo("orders");
            assertThat(document.get("tags")).hasSize(2);
            assertThat(document.at("/price/priceAmount").doubleValue()).isEqualTo(9.5);
        }

        @Test
        void yaml_timestamps_and_dates_stay_strings() {
            JsonNode document = yaml("""
                    contractCreatedTs: 2024-01-01T00:00:00Z
                    dateIn: 2022-10-03
                    """);

            assertThat(document.get("contractCreatedTs").textValue()).isEqualTo("2024-01-01T00:00:00Z");
            assertThat(document.get("dateIn").textValue()).isEqualTo("2022-10-03");
        }

        @Test
        void yaml_yes_no_on_off_stay_strings_and_only_true_false_are_booleans() {
            JsonNode document = yaml("a: yes\nb: no\nc: on\nd: off\ne: y\nf: true\ng: false\n");

            assertThat(document.get("a").textValue()).isEqualTo("yes");
            assertThat(document.get("b").textValue()).isEqualTo("no");
            assertThat(document.get("c").textValue()).isEqualTo("on");
            assertThat(document.get("d").textValue()).isEqualTo("off");
            assertThat(document.get("e").textValue()).isEqualTo("y");
            assertThat(document.get("f").booleanValue()).isTrue();
            assertThat(document.get("g").booleanValue()).isFalse();
        }

        @Test
        void a_quoted_empty_yaml_string_stays_a_string_and_an_empty_value_is_null() {
            JsonNode document = yaml("quoted: \"\"\nempty:\n");

            assertThat(document.get("quoted").textValue()).isEmpty();
            assertThat(document.get("empty").isNull()).isTrue();
        }

        @Test
        void an_unquoted_yaml_version_like_1_0_is_read_as_a_number_for_the_schema_to_reject() {
            assertThat(yaml("version: 1.0\n").get("version").isNumber()).isTrue();
        }

        @Test
        void a_utf8_byte_order_mark_is_skipped() {
            byte[] withBom = "\uFEFFid: orders\n".getBytes(StandardCharsets.UTF_8);

            assertThat(PARSER.parse(withBom, DocumentFormat.YAML).get("id").textValue()).isEqualTo("orders");
        }

        @Test
        void a_single_yaml_document_with_explicit_start_and_end_markers_is_accepted() {
            assertThat(yaml("---\nid: orders\n...\n").get("id").textValue()).isEqualTo("orders");
        }

        @Test
        void non_ascii_text_is_kept() {
            assertThat(yaml("name: Überweisungen – 支払い 🚀\n").get("name").textValue()).isEqualTo("Überweisungen – 支払い 🚀");
        }

        @Test
        void nesting_up_to_the_limit_is_accepted() {
            int depth = ContractDocumentParser.MAX_NESTING_DEPTH;
            String nested = "{\"a\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";

            assertThat(json(nested).get("a").isArray()).isTrue();
        }
    }

    @Nested
    class MalformedDocuments {

        @Test
        void malformed_yaml_is_refused_with_its_line_and_column() {
            assertThatThrownBy(() -> yaml("id: orders\nschema:\n  - name: [unclosed\n  - name: b\n"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("YAML syntax error")
                    .hasMessageContaining("line ")
                    .satisfies(e -> assertThat(((MalformedDocumentException) e).line()).isPresent());
        }

        @Test
        void malformed_json_is_refused_with_its_line_and_column() {
            assertThatThrownBy(() -> json("{\n  \"id\": \"orders\",\n  \"version\": 1.0.0\n}"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("JSON syntax error")
                    .hasMessageContaining("line 3")
                    .satisfies(e -> assertThat(((MalformedDocumentException) e).line()).hasValue(3));
        }

        @Test
        void truncated_json_is_refused() {
            assertThatThrownBy(() -> json("{\"id\": \"orders\", \"schema\": [{\"name\": \"ord"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("end-of-input");
        }

        @Test
        void truncated_json_that_stops_between_tokens_is_refused() {
            assertThatThrownBy(() -> json("{\"id\": \"orders\", \"schema\": ["))
                    .isInstanceOf(MalformedDocumentException.class);
        }

        @Test
        void truncated_yaml_is_refused() {
            assertThatThrownBy(() -> yaml("id: orders\ndescription: \"Orders placed by"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("end of stream");
        }

        @Test
        void truncated_yaml_flow_collection_is_refused() {
            assertThatThrownBy(() -> yaml("id: orders\ntags: [finance, ord"))
                    .isInstanceOf(MalformedDocumentException.class);
        }

        @Test
        void invalid_utf8_in_yaml_is_refused_with_its_position() {
            byte[] body = {'i', 'd', ':', ' ', 'o', '\n', 'n', 'a', 'm', 'e', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};

            assertThatThrownBy(() -> PARSER.parse(body, DocumentFormat.YAML))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("not valid UTF-8")
                    .hasMessageContaining("byte offset 12")
                    .satisfies(e -> assertThat(((MalformedDocumentException) e).line()).hasValue(2));
        }

        @Test
        void invalid_utf8_in_json_is_refused() {
            byte[] body = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'};

            assertThatThrownBy(() -> PARSER.parse(body, DocumentFormat.JSON))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("not valid UTF-8");
        }

        @Test
        void a_duplicate_yaml_key_is_refused() {
            assertThatThrownBy(() -> yaml("id: orders\nname: a\nname: b\n"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("duplicate key 'name'")
                    .satisfies(e -> assertThat(((MalformedDocumentException) e).line()).hasValue(3));
        }

        @Test
        void a_duplicate_key_in_a_nested_yaml_mapping_is_refused() {
            assertThatThrownBy(() -> yaml("schema:\n  - name: a\n    physicalType: table\n    name: b\n"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("duplicate key 'name'");
        }

        @Test
        void a_duplicate_json_key_is_refused() {
            assertThatThrownBy(() -> json("{\"id\": \"a\", \"id\": \"b\"}"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("duplicate key 'id'");
        }

        @Test
        void more_than_one_yaml_document_is_refused() {
            assertThatThrownBy(() -> yaml("id: a\n---\nid: b\n"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("more than one document");
        }

        @Test
        void json_with_a_second_value_after_the_object_is_refused() {
            assertThatThrownBy(() -> json("{\"id\": \"a\"} {\"id\": \"b\"}"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("after the end");
        }

        @Test
        void json_with_garbage_after_the_object_is_refused() {
            assertThatThrownBy(() -> json("{\"id\": \"a\"} trailing"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("after the end");
        }

        @Test
        void a_top_level_yaml_sequence_is_refused() {
            assertThatThrownBy(() -> yaml("- id: a\n- id: b\n"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("top level must be a mapping, not a sequence");
        }

        @Test
        void a_top_level_json_array_is_refused() {
            assertThatThrownBy(() -> json("[{\"id\": \"a\"}]"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("top level must be a mapping, not a sequence");
        }

        @Test
        void a_top_level_scalar_is_refused() {
            assertThatThrownBy(() -> yaml("just some text\n"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("top level must be a mapping, not a string");
        }

        @Test
        void an_empty_document_is_refused() {
            assertThatThrownBy(() -> yaml("# only a comment\n"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("empty");
        }

        @Test
        void an_empty_json_body_is_refused() {
            assertThatThrownBy(() -> json("  \n"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("empty");
        }

        @Test
        void a_yaml_binary_value_is_refused() {
            assertThatThrownBy(() -> yaml("id: !!binary aGVsbG8=\n"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("binary");
        }

        @Test
        void a_complex_yaml_key_is_refused() {
            assertThatThrownBy(() -> yaml("? [a, b]\n: c\n"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("mapping keys must be plain values");
        }

        @Test
        void a_nul_character_in_a_string_is_refused() {
            assertThatThrownBy(() -> json("{\"id\": \"a\\u0000b\"}"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("U+0000");
        }

        @Test
        void an_unpaired_surrogate_escape_is_refused() {
            assertThatThrownBy(() -> json("{\"id\": \"\\ud800\"}"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("unpaired surrogate");
        }

        @Test
        void an_infinite_yaml_number_is_refused() {
            assertThatThrownBy(() -> yaml("price: .inf\n"))
                    .isInstanceOf(MalformedDocumentException.class);
        }

        @Test
        void a_json_number_too_large_for_a_double_is_refused() {
            assertThatThrownBy(() -> json("{\"price\": 1e400}"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("not a finite number");
        }
    }

    @Nested
    class HostileDocuments {

        @Test
        void a_billion_laughs_yaml_is_refused_without_expanding_it() {
            String lol = """
                    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
                    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
                    """;

            assertThatThrownBy(() -> yaml(lol))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("aliases")
                    .satisfies(e -> assertThat(((MalformedDocumentException) e).line()).hasValue(2));
        }

        @Test
        void a_single_yaml_alias_is_refused() {
            assertThatThrownBy(() -> yaml("owner: &team finance\nsupport: *team\n"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("aliases (*team)");
        }

        @Test
        void a_yaml_merge_key_is_refused() {
            assertThatThrownBy(() -> yaml("base: &base {a: 1}\nderived:\n  <<: *base\n  b: 2\n"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("aliases");
        }

        @Test
        void yaml_nested_1000_levels_deep_in_flow_style_is_refused() {
            String deep = "a: " + "[".repeat(1000) + "]".repeat(1000) + "\n";

            assertThatThrownBy(() -> yaml(deep))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("nesting depth");
        }

        @Test
        void yaml_nested_1000_levels_deep_in_block_style_is_refused() {
            String deep = "a:\n  " + "- ".repeat(1000) + "x\n";

            assertThatThrownBy(() -> yaml(deep))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("nesting depth");
        }

        @Test
        void yaml_mappings_nested_1000_levels_deep_are_refused() {
            String deep = "{a: ".repeat(1000) + "x" + "}".repeat(1000) + "\n";

            assertThatThrownBy(() -> yaml(deep))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("nesting depth");
        }

        @Test
        void json_nested_1000_levels_deep_is_refused() {
            String deep = "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}";

            assertThatThrownBy(() -> json(deep))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("nesting depth");
        }

        @Test
        void json_nested_one_level_past_the_limit_is_refused() {
            int depth = ContractDocumentParser.MAX_NESTING_DEPTH;
            String nested = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

            assertThatThrownBy(() -> json(nested))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("nesting depth");
        }

        @Test
        void a_document_over_the_size_limit_is_refused_before_parsing() {
            byte[] huge = new byte[ContractDocumentParser.MAX_DOCUMENT_BYTES + 1];
            java.util.Arrays.fill(huge, (byte) 'a');

            assertThatThrownBy(() -> PARSER.parse(huge, DocumentFormat.YAML))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("the limit is " + ContractDocumentParser.MAX_DOCUMENT_BYTES + " bytes");
        }

        @Test
        void a_string_of_almost_the_size_limit_is_read() {
            String big = "a".repeat(ContractDocumentParser.MAX_DOCUMENT_BYTES - 100);

            assertThat(json("{\"description\": \"" + big + "\"}").get("description").textValue()).hasSameSizeAs(big);
        }

        @Test
        void a_json_number_of_absurd_length_is_refused() {
            String digits = "9".repeat(10_000);

            assertThatThrownBy(() -> json("{\"price\": " + digits + "}"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("length");
        }

        @Test
        void a_yaml_number_longer_than_the_limit_is_refused() {
            String digits = "9".repeat(ContractDocumentParser.MAX_NUMBER_LENGTH + 1);

            assertThatThrownBy(() -> yaml("price: " + digits + "\n"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("number is longer than");
        }

        @Test
        void a_yaml_scalar_of_ten_thousand_digits_is_kept_as_a_string_not_a_number() {
            // SnakeYAML does not resolve very long plain scalars as numbers; the schema then sees a string
            String digits = "9".repeat(10_000);

            assertThat(yaml("price: " + digits + "\n").get("price").isTextual()).isTrue();
        }

        @Test
        void a_json_number_with_an_absurd_exponent_is_refused() {
            assertThatThrownBy(() -> json("{\"price\": 1e999999999}"))
                    .isInstanceOf(MalformedDocumentException.class);
        }
    }
}
