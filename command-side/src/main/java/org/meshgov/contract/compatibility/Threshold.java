package org.meshgov.contract.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The metric values a quality rule accepts: an interval ({@code low} and {@code high} are null when unbounded), or,
 * for {@code mustNotBe} and {@code mustNotBeBetween}, everything outside one. Reducing every operator to a set of
 * values lets a rule that switches operators, say from {@code mustBeLessThan} to {@code mustBeBetween}, still be
 * classified as tightened or loosened.
 */
record Threshold(BigDecimal low, boolean lowIncluded, BigDecimal high, boolean highIncluded, boolean outside) {

    private static final Threshold ANY = new Threshold(null, false, null, false, false);

    private static final Map<String, Function<JsonNode, Optional<Threshold>>> READERS = Map.of(
            "mustBe", operand -> number(operand).map(x -> new Threshold(x, true, x, true, false)),
            "mustNotBe", operand -> number(operand).map(x -> new Threshold(x, true, x, true, true)),
            "mustBeGreaterThan", operand -> number(operand).map(x -> new Threshold(x, false, null, false, false)),
            "mustBeGreaterOrEqualTo", operand -> number(operand).map(x -> new Threshold(x, true, null, false, false)),
            "mustBeLessThan", operand -> number(operand).map(x -> new Threshold(null, false, x, false, false)),
            "mustBeLessOrEqualTo", operand -> number(operand).map(x -> new Threshold(null, false, x, true, false)),
            "mustBeBetween", operand -> range(operand, false),
            "mustNotBeBetween", operand -> range(operand, true));

    static final Set<String> OPERATORS = READERS.keySet();

    /** The operator fields of a quality rule, in document order. */
    static ObjectNode operatorsOf(JsonNode rule) {
        ObjectNode operators = JsonNodeFactory.instance.objectNode();
        rule.properties().stream()
                .filter(field -> OPERATORS.contains(field.getKey()) && !field.getValue().isNull())
                .forEach(field -> operators.set(field.getKey(), field.getValue()));
        return operators;
    }

    /** Empty when the operators cannot be reduced to numbers: several operators at once, or non-numeric operands. */
    static Optional<Threshold> of(ObjectNode operators) {
        if (operators.isEmpty()) {
            return Optional.of(ANY);
        }
        if (operators.size() > 1) {
            return Optional.empty();
        }
        Map.Entry<String, JsonNode> operator = operators.properties().iterator().next();
        return READERS.get(operator.getKey()).apply(operator.getValue());
    }

    /** Whether every value {@code other} accepts is accepted here too. */
    boolean acceptsAllOf(Threshold other) {
        if (equals(ANY)) {
            return true;
        }
        if (outside != other.outside) {
            return false;
        }
        return outside ? other.spans(this) : spans(other);
    }

    private boolean spans(Threshold other) {
        return reachesBelow(other) && reachesAbove(other);
    }

    private boolean reachesBelow(Threshold other) {
        if (low == null || other.low == null) {
            return low == null;
        }
        int order = low.compareTo(other.low);
        return order < 0 || order == 0 && (lowIncluded || !other.lowIncluded);
    }

    private boolean reachesAbove(Threshold other) {
        if (high == null || other.high == null) {
            return high == null;
        }
        int order = high.compareTo(other.high);
        return order > 0 || order == 0 && (highIncluded || !other.highIncluded);
    }

    private static Optional<BigDecimal> number(JsonNode operand) {
        return operand.isNumber() ? Optional.of(operand.decimalValue()) : Optional.empty();
    }

    private static Optional<Threshold> range(JsonNode operand, boolean outside) {
        if (!operand.isArray() || operand.size() != 2 || !operand.get(0).isNumber() || !operand.get(1).isNumber()) {
            return Optional.empty();
        }
        BigDecimal a = operand.get(0).decimalValue();
        BigDecimal b = operand.get(1).decimalValue();
        return Optional.of(new Threshold(a.min(b), true, a.max(b), true, outside));
    }
}
