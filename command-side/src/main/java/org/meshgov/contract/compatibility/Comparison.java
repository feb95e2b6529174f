package org.meshgov.contract.compatibility;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.meshgov.contract.compatibility.ChangeKind.ADDITIVE;
import static org.meshgov.contract.compatibility.ChangeKind.BREAKING;
import static org.meshgov.contract.compatibility.ChangeKind.COSMETIC;

/**
 * Compares the two values found at {@code path} in the published and the proposed contract and adds what differs
 * to {@code found}. A {@code null} value is an absent one; at least one side is present.
 */
@FunctionalInterface
interface Comparison {

    void compare(String path, JsonNode before, JsonNode after, List<Change> found);

    Comparison IGNORED = (path, before, after, found) -> { };

    static Comparison cosmetic(String code) {
        return ifDifferent(COSMETIC, code, null);
    }

    static Comparison breaking(String code) {
        return ifDifferent(BREAKING, code, null);
    }

    /** {@code absentMeans} is the schema's default, so that writing the default out is no change. */
    static Comparison ifDifferent(ChangeKind kind, String code, JsonNode absentMeans) {
        return (path, before, after, found) -> {
            if (!Json.same(before == null ? absentMeans : before, after == null ? absentMeans : after)) {
                found.add(new Change(path, kind, code, before, after));
            }
        };
    }

    /** Something consumers can rely on once it is declared, like a type or a pattern. */
    static Comparison declaration(String prefix) {
        return (path, before, after, found) -> {
            if (before == null) {
                found.add(new Change(path, ADDITIVE, prefix + "-added", null, after));
            } else if (after == null) {
                found.add(new Change(path, BREAKING, prefix + "-removed", before, null));
            } else if (!Json.same(before, after)) {
                found.add(new Change(path, BREAKING, prefix + "-changed", before, after));
            }
        };
    }

    /** A boolean promise to consumers that is not made when absent, like {@code required}. */
    static Comparison guarantee(String prefix) {
        return (path, before, after, found) -> {
            boolean was = before != null && before.asBoolean();
            boolean is = after != null && after.asBoolean();
            if (was && !is) {
                found.add(new Change(path, BREAKING, prefix + "-relaxed", before, after));
            } else if (!was && is) {
                found.add(new Change(path, ADDITIVE, prefix + "-tightened", before, after));
            }
        };
    }

    /** Something new is there for consumers to use; something gone may be in use. */
    static Comparison presence(String noun, Comparison whenBothPresent) {
        return (path, before, after, found) -> {
            if (before == null) {
                found.add(new Change(path, ADDITIVE, noun + "-added", null, after));
            } else if (after == null) {
                found.add(new Change(path, BREAKING, noun + "-removed", before, null));
            } else {
                whenBothPresent.compare(path, before, after, found);
            }
        };
    }

    /**
     * Pairs array elements by key, or by index when {@code key} gives null: elements of the published array in
     * their order, then those only the proposal has.
     */
    static Comparison keyedList(Function<JsonNode, String> key, Comparison element) {
        return (path, before, after, found) -> {
            Map<String, JsonNode> published = byKey(before, key);
            Map<String, JsonNode> proposed = byKey(after, key);
            published.forEach((k, was) -> element.compare(path + "[" + k + "]", was, proposed.get(k), found));
            proposed.forEach((k, is) -> {
                if (!published.containsKey(k)) {
                    element.compare(path + "[" + k + "]", null, is, found);
                }
            });
        };
    }

    private static Map<String, JsonNode> byKey(JsonNode array, Function<JsonNode, String> key) {
        Map<String, JsonNode> elements = new LinkedHashMap<>();
        if (array == null || !array.isArray()) {
            return elements;
        }
        for (int index = 0; index < array.size(); index++) {
            JsonNode element = array.get(index);
            String base = key.apply(element);
            if (base == null) {
                base = String.valueOf(index);
            }
            String unique = base;
            for (int occurrence = 2; elements.containsKey(unique); occurrence++) {
                unique = base + "#" + occurrence;
            }
            elements.put(unique, element);
        }
        return elements;
    }
}
