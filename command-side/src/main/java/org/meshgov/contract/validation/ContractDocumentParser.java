package org.meshgov.contract.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the bytes of a submitted contract into a Jackson tree, refusing anything that is not
 * exactly one well-formed document whose top level is a mapping.
 *
 * <p>Safe against hostile input:
 * <ul>
 *   <li>input larger than {@link #MAX_DOCUMENT_BYTES} is refused before it is parsed;</li>
 *   <li>bytes must be strict UTF-8 (an optional UTF-8 byte-order mark is skipped);</li>
 *   <li>YAML aliases ({@code *name}, including {@code <<: *name} merges) are refused outright, so
 *       "billion laughs" documents cannot expand; SnakeYAML's own alias limit is also set;</li>
 *   <li>mappings and sequences may nest at most {@link #MAX_NESTING_DEPTH} levels;</li>
 *   <li>a number's text may be at most {@link #MAX_NUMBER_LENGTH} characters, and floating-point
 *       numbers must be finite ({@code .inf}, {@code .nan} and overflowing values are refused);</li>
 *   <li>duplicate keys, binary ({@code !!binary}) values, U+0000 and unpaired surrogates in strings
 *       are refused.</li>
 * </ul>
 *
 * <p>YAML scalars are typed by the YAML 1.2 core rules as far as they matter for contracts:
 * timestamps and dates stay strings, only {@code true}/{@code false} are booleans ({@code yes},
 * {@code no}, {@code on}, {@code off} stay strings), {@code ""} is the empty string and an empty
 * plain value is {@code null}. So the same content written as YAML or as JSON gives equal trees.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ContractDocumentParser {

    /** Largest accepted document: 1 MiB plus a 64 KiB margin. */
    public static final int MAX_DOCUMENT_BYTES = 1024 * 1024 + 64 * 1024;
    /** Deepest accepted nesting of mappings and sequences (the top-level mapping is depth 1). */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest accepted textual representation of one number. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** SnakeYAML's alias limit; aliases are refused before it is reached, it is set as a second guard. */
    static final int MAX_YAML_ALIASES_FOR_COLLECTIONS = 50;

    private static final Pattern CONSTRAINT_SOURCE = Pattern.compile(",\\s*from `[^`]*`");

    private final JsonFactory jsonFactory;
    private final YAMLFactory yamlFactory;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    public ContractDocumentParser() {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_DOCUMENT_BYTES)
                .maxNameLength(MAX_DOCUMENT_BYTES)
                .maxDocumentLength(MAX_DOCUMENT_BYTES)
                .build();

        LoaderOptions loaderOptions = new LoaderOptions();
        loaderOptions.setAllowDuplicateKeys(false);
        loaderOptions.setMaxAliasesForCollections(MAX_YAML_ALIASES_FOR_COLLECTIONS);
        loaderOptions.setAllowRecursiveKeys(false);
        loaderOptions.setNestingDepthLimit(MAX_NESTING_DEPTH);
        loaderOptions.setCodePointLimit(MAX_DOCUMENT_BYTES);
        loaderOptions.setProcessComments(false);

        this.yamlFactory = YAMLFactory.builder()
                .loaderOptions(loaderOptions)
                .streamReadConstraints(constraints)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .build();
        this.jsonFactory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /**
     * Parses one contract document.
     *
     * @return the document's top-level mapping (an {@link ObjectNode})
     * @throws MalformedDocumentException if the bytes are not one well-formed document of the given
     *         format with a mapping at the top level, or exceed a safety limit
     */
    public JsonNode parse(byte[] body, DocumentFormat format) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(format, "format");
        String label = format.name();
        if (body.length > MAX_DOCUMENT_BYTES) {
            throw new MalformedDocumentException(label + " document is " + body.length
                    + " bytes; the limit is " + MAX_DOCUMENT_BYTES + " bytes");
        }
        String text = decodeUtf8(body, label);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        try (JsonParser parser = format == DocumentFormat.YAML
                ? yamlFactory.createParser(text)
                : jsonFactory.createParser(text)) {
            return readSingleMapping(parser, label);
        } catch (MalformedDocumentException e) {
            throw e;
        } catch (JacksonYAMLParseException e) {
            throw fromYamlException(e, label);
        } catch (JsonProcessingException e) {
            throw fromJacksonException(e, e.getOriginalMessage(), e.getLocation(), label);
        } catch (IOException e) {
            throw new MalformedDocumentException(label + " document could not be read: " + e.getMessage(), 0, 0, e);
        } catch (YAMLException e) {
            // SnakeYAML problems that Jackson does not wrap (it wraps those raised while reading events)
            throw new MalformedDocumentException(label + " document could not be read: " + firstLine(e.getMessage()),
                    0, 0, e);
        }
    }

    private JsonNode readSingleMapping(JsonParser parser, String label) throws IOException {
        JsonToken first = parser.nextToken();
        rejectAlias(parser);
        if (first == null) {
            throw new MalformedDocumentException(label + " document is empty");
        }
        if (first != JsonToken.START_OBJECT) {
            JsonLocation at = parser.currentTokenLocation();
            throw new MalformedDocumentException(label + " document's top level must be a mapping, not "
                    + describe(first), at.getLineNr(), at.getColumnNr());
        }
        ObjectNode root = nodes.objectNode();
        Deque<JsonNode> open = new ArrayDeque<>();
        open.push(root);
        String fieldName = null;
        while (!open.isEmpty()) {
            JsonToken token = parser.nextToken();
            rejectAlias(parser);
            if (token == null) {
                JsonLocation at = parser.currentLocation();
                throw new MalformedDocumentException(label + " document ends before it is complete",
                        at.getLineNr(), at.getColumnNr());
            }
            switch (token) {
                case FIELD_NAME -> {
                    fieldName = parser.currentName();
                    checkString(fieldName, parser, label);
                    if (((ObjectNode) open.peek()).has(fieldName)) {
                        throw error(parser, label, "duplicate key '" + abbreviate(fieldName) + "'");
                    }
                }
                case START_OBJECT, START_ARRAY -> {
                    if (open.size() >= MAX_NESTING_DEPTH) {
                        throw error(parser, label, "nesting is deeper than " + MAX_NESTING_DEPTH + " levels");
                    }
                    JsonNode container = token == JsonToken.START_OBJECT ? nodes.objectNode() : nodes.arrayNode();
                    attach(open.peek(), fieldName, container);
                    open.push(container);
                }
                case END_OBJECT, END_ARRAY -> open.pop();
                default -> attach(open.peek(), fieldName, scalar(token, parser, label));
            }
        }
        JsonToken trailing;
        try {
            trailing = parser.nextToken();
        } catch (JsonProcessingException e) {
            if (parser instanceof YAMLParser || e instanceof StreamConstraintsException) {
                throw e;
            }
            // JSON: anything after the closing brace that is not a value is still trailing content
            throw fromJacksonException(e, "unexpected content after the end of the document: "
                    + e.getOriginalMessage(), e.getLocation(), label);
        }
        if (trailing != null) {
            JsonLocation at = parser.currentTokenLocation();
            String what = parser instanceof YAMLParser
                    ? "contains more than one document; submit exactly one"
                    : "has content after the end of the top-level object";
            throw new MalformedDocumentException(label + " document " + what, at.getLineNr(), at.getColumnNr());
        }
        return root;
    }

    private JsonNode scalar(JsonToken token, JsonParser parser, String label) throws IOException {
        return switch (token) {
            case VALUE_STRING -> {
                String value = parser.getText();
                checkString(value, parser, label);
                yield nodes.textNode(value);
            }
            case VALUE_NUMBER_INT -> {
                checkNumberLength(parser, label);
                yield switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                checkNumberLength(parser, label);
                double value = parser.getDoubleValue();
                if (!Double.isFinite(value)) {
                    throw error(parser, label, "number '" + abbreviate(parser.getText())
                            + "' is not a finite number");
                }
                yield nodes.numberNode(value);
            }
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            case VALUE_EMBEDDED_OBJECT -> throw error(parser, label, "binary and other embedded values are not supported");
            default -> throw error(parser, label, "unexpected " + describe(token));
        };
    }

    private static void attach(JsonNode container, String fieldName, JsonNode value) {
        if (container instanceof ObjectNode object) {
            object.set(fieldName, value);
        } else {
            ((ArrayNode) container).add(value);
        }
    }

    private static void rejectAlias(JsonParser parser) {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw error(parser, "YAML", "aliases (*" + abbreviate(safeText(parser))
                    + ") and merge keys are not supported; write the value out in full");
        }
    }

    private static void checkNumberLength(JsonParser parser, String label) throws IOException {
        String text = parser.getText();
        if (text != null && text.length() > MAX_NUMBER_LENGTH) {
            throw error(parser, label, "number is longer than " + MAX_NUMBER_LENGTH + " characters");
        }
    }

    private static void checkString(String value, JsonParser parser, String label) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                throw error(parser, label, "strings must not contain the NUL character (U+0000)");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw error(parser, label, "strings must not contain an unpaired surrogate");
            }
            if (Character.isLowSurrogate(c)) {
                throw error(parser, label, "strings must not contain an unpaired surrogate");
            }
        }
    }

    private static MalformedDocumentException error(JsonParser parser, String label, String problem) {
        JsonLocation at = parser.currentTokenLocation();
        return new MalformedDocumentException(label + " document is malformed: " + problem,
                at.getLineNr(), at.getColumnNr());
    }

    private static String decodeUtf8(byte[] body, String label) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            int column = 1;
            out.flip();
            for (int i = 0; i < out.limit(); i++) {
                if (out.get(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            throw new MalformedDocumentException(label + " document is not valid UTF-8: invalid byte sequence at byte offset "
                    + in.position(), line, column);
        }
        out.flip();
        return out.toString();
    }

    private static MalformedDocumentException fromYamlException(JacksonYAMLParseException e, String label) {
        if (e.getCause() instanceof MarkedYAMLException marked) {
            Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            String problem = marked.getProblem() != null ? marked.getProblem() : marked.getContext();
            if (marked.getContext() != null && marked.getProblem() != null) {
                problem = marked.getContext() + ", " + marked.getProblem();
            }
            return new MalformedDocumentException(label + " syntax error: " + firstLine(problem),
                    mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1, e);
        }
        return fromJacksonException(e, e.getOriginalMessage(), e.getLocation(), label);
    }

    private static MalformedDocumentException fromJacksonException(Exception e, String message, JsonLocation at,
                                                                   String label) {
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        String problem = firstLine(message);
        if (e instanceof StreamConstraintsException) {
            // e.g. "Document nesting depth (65) exceeds the maximum allowed (64, from `StreamReadConstraints...`)"
            problem = label + " document exceeds a safety limit: " + CONSTRAINT_SOURCE.matcher(problem).replaceAll("");
        } else if (problem.startsWith("Duplicate field ")) {
            problem = label + " document is malformed: duplicate key " + problem.substring("Duplicate field ".length());
        } else if (problem.startsWith("Expected a field name")) {
            problem = label + " syntax error: mapping keys must be plain values (strings), not sequences or mappings";
        } else {
            problem = label + " syntax error: " + problem;
        }
        return new MalformedDocumentException(problem, line, column, e);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a sequence";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String safeText(JsonParser parser) {
        try {
            return parser.getText();
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
