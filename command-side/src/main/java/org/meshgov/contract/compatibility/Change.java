package org.meshgov.contract.compatibility;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * One difference between the published and the proposed version of a contract.
 *
 * <p>{@code path} is a JSON path into the contract that stays the same across versions:
 * <ul>
 *   <li>{@code $} is the contract, {@code .field} a field of an object, {@code .items} the element definition of an
 *       array property.</li>
 *   <li>{@code [key]} is an array element matched by key, never by position, so that reordering an array is no change:
 *     <ul>
 *       <li>schema objects and properties: {@code name};</li>
 *       <li>quality rules: {@code id}, else {@code name}, else {@code metric} (or the deprecated {@code rule}),
 *           {@code dimension} and {@code type} (default {@code library}) joined by {@code /}; rules without any of
 *           these (SQL and custom rules) fall back to their 0-based index;</li>
 *       <li>SLA properties: {@code property}, followed by {@code @element} when an element is given;</li>
 *       <li>servers: {@code server}, else {@code id};</li>
 *       <li>relationships: the {@code to} column(s), preceded by the {@code from} column(s) and {@code ->} at schema
 *           level; composite columns are joined by {@code ,}.</li>
 *     </ul>
 *     When several elements of an array share a key, the second one is {@code key#2}, the third {@code key#3}, and
 *     so on. Keys are used verbatim, without escaping.</li>
 * </ul>
 * For example {@code $.schema[orders].properties[lines].items.properties[sku].logicalTypeOptions.maxLength},
 * {@code $.schema[orders].quality[row_count].mustBeGreaterThan} or {@code $.slaProperties[latency@orders.ordered_at]}.
 *
 * <p>{@code change} is a kebab-case code such as {@code property-removed} or {@code max-length-raised}; each code
 * always comes with the same {@code kind} (ADR 0006 lists them all). {@code before} and {@code after} are copies of
 * the values at {@code path}, {@code null} when absent.
 */
public record Change(String path, ChangeKind kind, String change, JsonNode before, JsonNode after) {

    public Change {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(change, "change");
        before = before == null ? null : before.deepCopy();
        after = after == null ? null : after.deepCopy();
    }
}
