package org.meshgov.contract.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.meshgov.governance.Violation;

/**
 * Meaning-level checks on one contract document that need no other state. They complement the ODCS
 * schema and are written to give one clear violation per problem even on documents the schema
 * rejects (a wrong type is reported, never thrown).
 *
 * <ul>
 *   <li>{@value #SEMVER}: {@code version} is present and a strict Semantic Versioning 2.0.0 string
 *       ({@code 1.2.3}, {@code 1.0.0-rc.1+build.5}; no {@code v} prefix, no leading zeros);</li>
 *   <li>{@value #CONTRACT_ID}: {@code id} is present, not blank, at most {@value #MAX_ID_LENGTH}
 *       characters of letters, digits, {@code - _ . :};</li>
 *   <li>{@value #DOMAIN_REQUIRED}: {@code domain} is present and not blank;</li>
 *   <li>{@value #UNIQUE_PROPERTY_NAME}: object names are unique within {@code schema}, and property
 *       names are unique within each {@code properties} list, at any depth (including under
 *       {@code items}); the violation's path points at the {@code name} of the later duplicate.
 *       Names are compared exactly (case-sensitively).</li>
 * </ul>
 *
 * <p>Violations come in a fixed order: version, id, domain, then names in document order.
 * Stateless and thread-safe.
 */
public final class ContractStructureRules {

    public static final String SEMVER = "semver";
    public static final String CONTRACT_ID = "contract-id";
    public static final String DOMAIN_REQUIRED = "domain-required";
    public static final String UNIQUE_PROPERTY_NAME = "unique-property-name";
    public static final int MAX_ID_LENGTH = 200;

    /** The regular expression recommended by semver.org for Semantic Versioning 2.0.0. */
    private static final Pattern SEMVER_2 = Pattern.compile(
            "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final int MAX_SHOWN_LENGTH = 80;

    public List<Violation> check(JsonNode document) {
        Objects.requireNonNull(document, "document");
        List<Violation> violations = new ArrayList<>();
        checkVersion(document.get("version"), violations);
        checkId(document.get("id"), violations);
        checkDomain(document.get("domain"), violations);
        checkNames(document.get("schema"), violations);
        return List.copyOf(violations);
    }

    private static void checkVersion(JsonNode version, List<Violation> violations) {
        String path = JsonPaths.field(JsonPaths.ROOT, "version");
        if (isAbsent(version)) {
            violations.add(new Violation(path, SEMVER, "version is required"));
        } else if (!version.isTextual()) {
            violations.add(new Violation(path, SEMVER, "version must be a string such as \"1.0.0\" (quote it in YAML), not "
                    + describe(version)));
        } else if (!SEMVER_2.matcher(version.textValue()).matches()) {
            violations.add(new Violation(path, SEMVER, "version '" + shown(version.textValue())
                    + "' is not a Semantic Versioning 2.0.0 version (MAJOR.MINOR.PATCH, e.g. 1.4.0 or 2.0.0-rc.1)"));
        }
    }

    private static void checkId(JsonNode id, List<Violation> violations) {
        String path = JsonPaths.field(JsonPaths.ROOT, "id");
        if (isAbsent(id)) {
            violations.add(new Violation(path, CONTRACT_ID, "id is required"));
        } else if (!id.isTextual()) {
            violations.add(new Violation(path, CONTRACT_ID, "id must be a string, not " + describe(id)));
        } else if (id.textValue().isBlank()) {
            violations.add(new Violation(path, CONTRACT_ID, "id must not be blank"));
        } else if (id.textValue().length() > MAX_ID_LENGTH) {
            violations.add(new Violation(path, CONTRACT_ID, "id is " + id.textValue().length()
                    + " characters long; at most " + MAX_ID_LENGTH + " are allowed"));
        } else if (!SAFE_ID.matcher(id.textValue()).matches()) {
            violations.add(new Violation(path, CONTRACT_ID, "id '" + shown(id.textValue())
                    + "' may contain only letters, digits, '-', '_', '.' and ':'"));
        }
    }

    private static void checkDomain(JsonNode domain, List<Violation> violations) {
        String path = JsonPaths.field(JsonPaths.ROOT, "domain");
        if (isAbsent(domain)) {
            violations.add(new Violation(path, DOMAIN_REQUIRED, "domain is required: name the data domain that owns this contract"));
        } else if (!domain.isTextual()) {
            violations.add(new Violation(path, DOMAIN_REQUIRED, "domain must be a string, not " + describe(domain)));
        } else if (domain.textValue().isBlank()) {
            violations.add(new Violation(path, DOMAIN_REQUIRED, "domain must not be blank"));
        }
    }

    private static void checkNames(JsonNode schema, List<Violation> violations) {
        if (schema == null || !schema.isArray()) {
            return;
        }
        String schemaPath = JsonPaths.field(JsonPaths.ROOT, "schema");
        checkUniqueNames(schema, schemaPath, "object", violations);
        for (int i = 0; i < schema.size(); i++) {
            checkPropertyTree(schema.get(i), JsonPaths.index(schemaPath, i), violations);
        }
    }

    /** Checks {@code properties} of {@code element} and, recursively, of its properties and items. */
    private static void checkPropertyTree(JsonNode element, String elementPath, List<Violation> violations) {
        if (element == null || !element.isObject()) {
            return;
        }
        JsonNode properties = element.get("properties");
        if (properties != null && properties.isArray()) {
            String propertiesPath = JsonPaths.field(elementPath, "properties");
            checkUniqueNames(properties, propertiesPath, "property", violations);
            for (int i = 0; i < properties.size(); i++) {
                checkPropertyTree(properties.get(i), JsonPaths.index(propertiesPath, i), violations);
            }
        }
        JsonNode items = element.get("items");
        if (items != null && items.isObject()) {
            checkPropertyTree(items, JsonPaths.field(elementPath, "items"), violations);
        }
    }

    private static void checkUniqueNames(JsonNode list, String listPath, String kind, List<Violation> violations) {
        Map<String, String> firstSeen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode name = list.get(i).get("name");
            if (name == null || !name.isTextual()) {
                continue;
            }
            String elementPath = JsonPaths.index(listPath, i);
            String earlier = firstSeen.putIfAbsent(name.textValue(), elementPath);
            if (earlier != null) {
                violations.add(new Violation(JsonPaths.field(elementPath, "name"), UNIQUE_PROPERTY_NAME,
                        kind + " name '" + shown(name.textValue()) + "' is already used at " + earlier));
            }
        }
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> "the boolean " + node.asText();
            case ARRAY -> "a list";
            case OBJECT -> "a mapping";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String shown(String value) {
        return value.length() <= MAX_SHOWN_LENGTH ? value : value.substring(0, MAX_SHOWN_LENGTH - 3) + "...";
    }
}
