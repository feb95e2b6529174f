package org.meshgov.contract.compatibility;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

import static org.meshgov.contract.compatibility.ChangeKind.ADDITIVE;
import static org.meshgov.contract.compatibility.ChangeKind.BREAKING;
import static org.meshgov.contract.compatibility.Comparison.keyedList;
import static org.meshgov.contract.compatibility.Comparison.presence;

/** Service-level agreements ({@code slaProperties}): whether each promised level got stronger or weaker. */
final class SlaRules {

    private static final Set<String> HIGHER_IS_STRONGER =
            Set.of("availability", "retention", "throughput", "endofsupport", "endoflife");
    private static final Set<String> LOWER_IS_STRONGER = Set.of("latency", "frequency", "errorrate",
            "timetodetect", "timetonotify", "timetorepair", "generalavailability", "timeofavailability");

    private static final FieldTable ENTRY = new FieldTable()
            .ignore("property", "element", "value", "unit", "valueExt")
            .cosmetic("id", "description", "driver", "scheduler", "schedule");

    static final Comparison ENTRIES = keyedList(SlaRules::key, presence("sla", SlaRules::compareEntry));

    private SlaRules() {
    }

    private static String key(JsonNode entry) {
        String property = Json.text(entry, "property");
        String element = Json.text(entry, "element");
        return property == null || element == null ? property : property + "@" + element;
    }

    private static void compareEntry(String path, JsonNode before, JsonNode after, List<Change> found) {
        ENTRY.compare(path, before, after, found);
        compareLevel(path, before, after, found);
    }

    /**
     * The value means nothing without its unit, so both are judged together and the change is reported on the
     * whole entry. Extended values have no defined meaning, so any change to them is treated as a weakening.
     */
    private static void compareLevel(String path, JsonNode before, JsonNode after, List<Change> found) {
        boolean sameExtension = Json.same(Json.field(before, "valueExt"), Json.field(after, "valueExt"));
        if (sameExtension && Json.same(Json.field(before, "value"), Json.field(after, "value"))
                && Json.same(Json.field(before, "unit"), Json.field(after, "unit"))) {
            return;
        }
        OptionalInt order = sameExtension
                ? Measure.compare(Json.field(after, "value"), Json.text(after, "unit"),
                        Json.field(before, "value"), Json.text(before, "unit"))
                : OptionalInt.empty();
        if (order.isPresent() && order.getAsInt() == 0) {
            return;
        }
        int stronger = strongerDirection(Json.text(after, "property"));
        if (order.isEmpty() || stronger == 0) {
            found.add(new Change(path, BREAKING, "sla-changed", before, after));
        } else if (order.getAsInt() == stronger) {
            found.add(new Change(path, ADDITIVE, "sla-strengthened", before, after));
        } else {
            found.add(new Change(path, BREAKING, "sla-weakened", before, after));
        }
    }

    /** +1 when a higher value promises more, -1 when a lower one does, 0 when unknown. */
    private static int strongerDirection(String property) {
        String normalized = property == null ? "" : property.toLowerCase(Locale.ROOT);
        if (HIGHER_IS_STRONGER.contains(normalized)) {
            return 1;
        }
        return LOWER_IS_STRONGER.contains(normalized) ? -1 : 0;
    }
}
