package org.meshgov.contract.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The ODCS examples published with the standard, each a realistic contract. */
class CompatibilityExamplesTest {

    private final CompatibilityClassifier classifier = new CompatibilityClassifier();

    @Test
    void allFifteenExamplesAreThere() {
        // when / then
        assertThat(examples()).hasSize(15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void anExampleComparedWithItselfHasNoChanges(Path example) throws IOException {
        // given
        JsonNode published = Contracts.YAML.readTree(example.toFile());
        JsonNode proposed = Contracts.YAML.readTree(example.toFile());

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThat(changes).isEmpty();
    }

    static List<Path> examples() {
        try (Stream<Path> files = Files.walk(Path.of(Objects.requireNonNull(
                CompatibilityExamplesTest.class.getClassLoader().getResource("odcs/examples")).toURI()))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".odcs.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
