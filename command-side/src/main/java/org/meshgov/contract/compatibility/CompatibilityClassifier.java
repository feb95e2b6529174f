package org.meshgov.contract.compatibility;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.meshgov.contract.compatibility.Comparison.breaking;
import static org.meshgov.contract.compatibility.Comparison.keyedList;
import static org.meshgov.contract.compatibility.Comparison.presence;

/**
 * Classifies what changed between the published and a proposed version of an ODCS v3 data contract, judged from
 * the side of its consumers: whatever takes away something they may rely on is {@link ChangeKind#BREAKING}, whatever
 * only gives them more is {@link ChangeKind#ADDITIVE}, and documentation is {@link ChangeKind#COSMETIC}.
 * ADR 0006 lists every rule; fields the standard does not define are treated as breaking when they change, since
 * nothing is known about who relies on them.
 *
 * <p>Array elements are matched by key, not position (see {@link Change} for the keys and the path convention).
 * Changes come in document order of the published version, each array's new elements after its matched ones.
 * {@code version}, {@code status} and {@code contractCreatedTs} are not compared: every proposal changes them.
 */
public final class CompatibilityClassifier {

    private static final FieldTable SERVER = new FieldTable()
            .ignore("server")
            .cosmetic("id", "description", "roles", "customProperties")
            .otherwise(breaking("server-changed"));

    private static final FieldTable CONTRACT = new FieldTable()
            .ignore("version", "status", "contractCreatedTs")
            .on("id", breaking("contract-id-changed"))
            .on("schema", SchemaRules.OBJECTS)
            .on("quality", QualityRules.RULES)
            .on("slaProperties", SlaRules.ENTRIES)
            .on("slaDefaultElement", breaking("sla-default-element-changed"))
            .on("servers", keyedList(CompatibilityClassifier::serverKey, presence("server", SERVER)))
            .cosmetic("apiVersion", "kind", "name", "tenant", "domain", "dataProduct", "description", "tags",
                    "support", "price", "team", "roles", "authoritativeDefinitions", "customProperties");

    public List<Change> compare(JsonNode previousPublished, JsonNode proposed) {
        List<Change> found = new ArrayList<>();
        CONTRACT.compare("$", Objects.requireNonNull(previousPublished, "previousPublished"),
                Objects.requireNonNull(proposed, "proposed"), found);
        return List.copyOf(found);
    }

    /** The most severe kind among the changes; empty when nothing changed. */
    public static Optional<ChangeKind> overall(List<Change> changes) {
        return changes.stream().map(Change::kind).reduce(ChangeKind::mostSevere);
    }

    private static String serverKey(JsonNode server) {
        String name = Json.text(server, "server");
        return name == null ? Json.text(server, "id") : name;
    }
}
