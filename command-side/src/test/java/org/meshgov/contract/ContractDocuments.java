package org.meshgov.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.meshgov.contract.validation.ContractDocumentParser;
import org.meshgov.contract.validation.DocumentFormat;

/** The demo contracts from {@code examples/}, so the tests prove what the README shows. */
final class ContractDocuments {

    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final ContractDocumentParser PARSER = new ContractDocumentParser();

    private ContractDocuments() {
    }

    static ObjectNode example(String file) {
        try {
            return (ObjectNode) PARSER.parse(Files.readAllBytes(EXAMPLES.resolve(file)), DocumentFormat.YAML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode ordersV1() {
        return example("orders-v1.0.0.yaml");
    }

    static ObjectNode withVersion(JsonNode document, String version) {
        ObjectNode copy = document.deepCopy();
        copy.put("version", version);
        return copy;
    }

    /** A description-only change: cosmetic for every consumer. */
    static ObjectNode withNewDescription(JsonNode document, String version) {
        ObjectNode copy = withVersion(document, version);
        ((ObjectNode) copy.path("schema").get(0)).put("description", "One row per placed order, final.");
        return copy;
    }

    static ObjectNode withoutProperty(JsonNode document, String version, String property) {
        ObjectNode copy = withVersion(document, version);
        ArrayNode properties = (ArrayNode) copy.path("schema").get(0).path("properties");
        for (int i = 0; i < properties.size(); i++) {
            if (property.equals(properties.get(i).path("name").asText())) {
                properties.remove(i);
                break;
            }
        }
        return copy;
    }
}
