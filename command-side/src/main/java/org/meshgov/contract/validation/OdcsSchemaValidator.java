package org.meshgov.contract.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.meshgov.governance.Violation;

/**
 * Validates a parsed contract against the Open Data Contract Standard v3.1.0 JSON Schema
 * (draft 2019-09), bundled at {@value #SCHEMA_RESOURCE}.
 *
 * <p>Nothing is fetched over the network: the draft 2019-09 meta-schemas come from the
 * validator library's own classpath copies, and only those and {@code classpath:} locations may
 * be loaded at all. {@code format} is asserted (an unparseable {@code contractCreatedTs} or
 * {@code dateIn} is a violation), which is stricter than the draft's annotation-only default.
 *
 * <p>Each violation's {@code path} is the JSON path of the offending value (for {@code required}
 * the missing member, for {@code additionalProperties}/{@code unevaluatedProperties} the unexpected
 * member), {@code rule} is {@code schema:<keyword>}. The list is ordered by path (array indices
 * numerically), then rule, then message, without duplicates. Instances are thread-safe; create one
 * and share it, since loading the schema costs some milliseconds.
 */
public final class OdcsSchemaValidator {

    /** Classpath location of the bundled ODCS schema. */
    public static final String SCHEMA_RESOURCE = "/odcs/odcs-json-schema-v3.1.0.json";

    private static final String RULE_PREFIX = "schema:";
    private static final Set<String> KEYWORDS_NAMING_A_MEMBER =
            Set.of("required", "additionalProperties", "unevaluatedProperties", "dependentRequired");

    private final Schema schema;
    private final Set<String> declaredMembers;

    public OdcsSchemaValidator() {
        JsonNode schemaNode = readBundledSchema();
        this.declaredMembers = declaredMembers(schemaNode);
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09,
                builder -> builder
                        .schemaRegistryConfig(config)
                        .schemaLoader(loader -> loader
                                .fetchRemoteResources(false)
                                .allow(OdcsSchemaValidator::isLocallyAvailable)));
        this.schema = registry.getSchema(SchemaLocation.of("classpath:" + SCHEMA_RESOURCE.substring(1)), schemaNode);
        this.schema.initializeValidators();
    }

    /** Validates {@code document} (as returned by {@link ContractDocumentParser#parse}); empty when valid. */
    public List<Violation> validate(JsonNode document) {
        Objects.requireNonNull(document, "document");
        List<Error> errors = schema.validate(document);
        List<Located> located = new ArrayList<>(errors.size());
        for (Error error : errors) {
            located.add(toViolation(error));
        }
        return located.stream()
                .filter(l -> !isConsequence(l, located))
                .sorted(Comparator.comparing((Located l) -> l.segments, OdcsSchemaValidator::compareSegments)
                        .thenComparing(l -> l.violation.rule())
                        .thenComparing(l -> l.violation.message()))
                .map(l -> l.violation)
                .distinct()
                .toList();
    }

    /**
     * Under draft 2019-09 a subschema that fails drops its annotations, so an enclosing
     * {@code unevaluatedProperties} then also reports every valid member of the same object ("property
     * 'name' is not evaluated") next to the real problem. Such a report is left out when the member is
     * one ODCS declares and another problem was found in or under the same object (any violation other
     * than such a report); and when {@code additionalProperties} already reports the same member. A
     * member that ODCS does not declare anywhere is always reported.
     */
    private boolean isConsequence(Located candidate, List<Located> all) {
        if (!"unevaluatedProperties".equals(candidate.keyword)) {
            return false;
        }
        for (Located other : all) {
            if (other == candidate) {
                continue;
            }
            if ("additionalProperties".equals(other.keyword) && other.segments.equals(candidate.segments)) {
                return true;
            }
        }
        if (!isDeclaredMemberReport(candidate)) {
            return false;
        }
        for (Located other : all) {
            if (!isDeclaredMemberReport(other) && startsWith(other.segments, candidate.objectSegments)) {
                return true;
            }
        }
        return false;
    }

    /** An {@code unevaluatedProperties} report about a member name that ODCS declares somewhere. */
    private boolean isDeclaredMemberReport(Located located) {
        return "unevaluatedProperties".equals(located.keyword)
                && located.segments.size() > located.objectSegments.size()
                && declaredMembers.contains(String.valueOf(located.segments.get(located.segments.size() - 1)));
    }

    private static boolean startsWith(List<Object> path, List<Object> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    private static Set<String> declaredMembers(JsonNode schemaNode) {
        Set<String> names = new HashSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(schemaNode);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isObject()) {
                JsonNode properties = node.get("properties");
                if (properties != null && properties.isObject()) {
                    properties.fieldNames().forEachRemaining(names::add);
                }
            }
            if (node.isContainerNode()) {
                node.forEach(pending::push);
            }
        }
        return Set.copyOf(names);
    }

    private static Located toViolation(Error error) {
        String keyword = error.getKeyword() == null ? "unknown" : error.getKeyword();
        List<Object> segments = new ArrayList<>();
        NodePath location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            segments.add(location.getElement(i));
        }
        List<Object> objectSegments = List.copyOf(segments);
        if (KEYWORDS_NAMING_A_MEMBER.contains(keyword) && error.getProperty() != null) {
            segments.add(error.getProperty());
        }
        String path = JsonPaths.ROOT;
        for (Object segment : segments) {
            path = segment instanceof Integer index ? JsonPaths.index(path, index) : JsonPaths.field(path, String.valueOf(segment));
        }
        return new Located(List.copyOf(segments), objectSegments, keyword,
                new Violation(path, RULE_PREFIX + keyword, message(error)));
    }

    private static String message(Error error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return "fails the ODCS schema keyword '" + error.getKeyword() + "'";
        }
        // The library prefixes some messages with the instance location; the path is a separate field.
        String instance = error.getInstanceLocation().toString();
        if (message.startsWith(instance + ": ")) {
            message = message.substring(instance.length() + 2);
        }
        return message;
    }

    private static int compareSegments(List<Object> a, List<Object> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x instanceof Integer xi && y instanceof Integer yi) {
                c = Integer.compare(xi, yi);
            } else if (x instanceof Integer) {
                c = -1;
            } else if (y instanceof Integer) {
                c = 1;
            } else {
                c = String.valueOf(x).compareTo(String.valueOf(y));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static boolean isLocallyAvailable(AbsoluteIri iri) {
        String value = iri.toString();
        return value.startsWith("classpath:")
                || value.startsWith("https://json-schema.org/draft/2019-09/")
                || value.startsWith("http://json-schema.org/draft/2019-09/");
    }

    private static JsonNode readBundledSchema() {
        try (InputStream in = OdcsSchemaValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("ODCS schema not found on the classpath at " + SCHEMA_RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ODCS schema at " + SCHEMA_RESOURCE, e);
        }
    }

    /** A violation with its path as segments (for ordering), the object it was found in, and the keyword. */
    private record Located(List<Object> segments, List<Object> objectSegments, String keyword, Violation violation) {
    }
}
