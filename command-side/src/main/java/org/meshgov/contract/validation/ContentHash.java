package org.meshgov.contract.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Identifies a document's content independently of how it was written: the SHA-256 (lower-case hex,
 * 64 characters) of its canonical JSON form, so the same contract submitted as YAML or as JSON, with
 * keys in any order and any layout, has the same hash.
 *
 * <p>The canonical form ({@link #canonicalJson}) is UTF-8 JSON with
 * <ul>
 *   <li>object members sorted by key (by UTF-16 code units, as {@link String#compareTo}), recursively;
 *       array order is kept;</li>
 *   <li>no whitespace outside strings;</li>
 *   <li>strings escaped as Jackson writes them (quote, backslash and control characters escaped;
 *       everything else as UTF-8);</li>
 *   <li>numbers by value: any number with an integral value is written as a plain integer
 *       ({@code 1}, {@code 1.0} and {@code 1e0} are all {@code 1}), other numbers as the shortest
 *       decimal that identifies them ({@code 0.5}, {@code 1.0E-7}), without trailing zeros.
 *       So {@code 1} and {@code 1.0} are treated as the same content, as JSON Schema does.</li>
 * </ul>
 * Non-finite floating-point values, which JSON cannot represent and
 * {@link ContractDocumentParser} never produces, are refused.
 */
public final class ContentHash {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    /** Integral values with more digits than this (only possible for hand-made big decimals) keep exponent form. */
    private static final int MAX_PLAIN_INTEGER_DIGITS = 400;

    private ContentHash() {
    }

    /** SHA-256 of {@link #canonicalJson(JsonNode)}, as 64 lower-case hex digits. */
    public static String of(JsonNode document) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonicalBytes(document)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The canonical JSON text that {@link #of(JsonNode)} hashes. */
    public static String canonicalJson(JsonNode document) {
        return new String(canonicalBytes(document), StandardCharsets.UTF_8);
    }

    private static byte[] canonicalBytes(JsonNode document) {
        Objects.requireNonNull(document, "document");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            write(document, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonNode node, JsonGenerator out) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> keys = new ArrayList<>(node.size());
                node.fieldNames().forEachRemaining(keys::add);
                keys.sort(null);
                out.writeStartObject();
                for (String key : keys) {
                    out.writeFieldName(key);
                    write(node.get(key), out);
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode element : node) {
                    write(element, out);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case NUMBER -> out.writeNumber(canonicalNumber(node));
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL -> out.writeNull();
            default -> throw new IllegalArgumentException("cannot hash a " + node.getNodeType() + " node");
        }
    }

    static String canonicalNumber(JsonNode number) {
        if (number.isIntegralNumber()) {
            return number.bigIntegerValue().toString();
        }
        BigDecimal value;
        if (number.isBigDecimal()) {
            value = number.decimalValue();
        } else {
            double d = number.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("cannot hash the non-finite number " + d);
            }
            value = BigDecimal.valueOf(d); // shortest decimal that round-trips to the same double
        }
        if (value.signum() == 0) {
            return "0";
        }
        value = value.stripTrailingZeros();
        if (value.scale() <= 0 && value.precision() - value.scale() <= MAX_PLAIN_INTEGER_DIGITS) {
            BigInteger integral = value.toBigIntegerExact();
            return integral.toString();
        }
        return value.toString();
    }
}
