package org.meshgov.contract.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.meshgov.governance.Violation;

/** The 15 upstream ODCS v3.1.0 example contracts (Apache-2.0, see src/test/resources/odcs/LICENSE). */
class OdcsExamplesTest {

    private static final int EXPECTED_EXAMPLES = 15;
    private static final ContractDocumentParser PARSER = new ContractDocumentParser();
    private static final OdcsSchemaValidator VALIDATOR = new OdcsSchemaValidator();

    static List<Path> examples() throws IOException, URISyntaxException {
        Path root = Path.of(OdcsExamplesTest.class.getResource("/odcs/examples").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".odcs.yaml")).sorted().toList();
        }
    }

    @Test
    void all_fifteen_example_contracts_are_present() throws Exception {
        assertThat(examples()).hasSize(EXPECTED_EXAMPLES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void every_example_parses_and_passes_the_odcs_schema(Path example) throws IOException {
        JsonNode document = PARSER.parse(Files.readAllBytes(example), DocumentFormat.YAML);

        assertThat(VALIDATOR.validate(document)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void every_example_passes_the_structure_rules_except_the_domain_most_of_them_omit(Path example) throws IOException {
        JsonNode document = PARSER.parse(Files.readAllBytes(example), DocumentFormat.YAML);

        List<String> expected = document.hasNonNull("domain") ? List.of() : List.of(ContractStructureRules.DOMAIN_REQUIRED);
        assertThat(new ContractStructureRules().check(document))
                .extracting(Violation::rule)
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void every_example_written_as_json_reads_back_to_the_same_tree_and_hash(Path example) throws IOException {
        JsonNode fromYaml = PARSER.parse(Files.readAllBytes(example), DocumentFormat.YAML);
        byte[] json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(fromYaml);

        JsonNode fromJson = PARSER.parse(json, DocumentFormat.JSON);

        assertThat(fromJson).isEqualTo(fromYaml);
        assertThat(ContentHash.of(fromJson)).isEqualTo(ContentHash.of(fromYaml));
    }
}
