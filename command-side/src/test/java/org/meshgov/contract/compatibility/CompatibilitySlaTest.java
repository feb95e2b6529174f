package org.meshgov.contract.compatibility;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.meshgov.contract.compatibility.ChangeKind.ADDITIVE;
import static org.meshgov.contract.compatibility.ChangeKind.BREAKING;
import static org.meshgov.contract.compatibility.ChangeKind.COSMETIC;
import static org.meshgov.contract.compatibility.Contracts.assertThatChanges;
import static org.meshgov.contract.compatibility.Contracts.remove;
import static org.meshgov.contract.compatibility.Contracts.sla;
import static org.meshgov.contract.compatibility.Contracts.slas;
import static org.meshgov.contract.compatibility.Contracts.value;

class CompatibilitySlaTest {

    private final CompatibilityClassifier classifier = new CompatibilityClassifier();

    @ParameterizedTest(name = "{0}: {1} -> {2} is {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            latency             | {value: 4, unit: h}                      | {value: 1, unit: d}                      | sla-weakened
            latency             | {value: 4, unit: h}                      | {value: 30, unit: min}                   | sla-strengthened
            latency             | {value: 1, unit: d}                      | {value: PT12H}                           | sla-strengthened
            latency             | {value: 2, unit: s}                      | {value: 2500, unit: ms}                  | sla-weakened
            frequency           | {value: 1, unit: d}                      | {value: 1, unit: w}                      | sla-weakened
            frequency           | {value: P1D}                             | {value: 6h}                              | sla-strengthened
            availability        | {value: 99.9%}                           | {value: 99.5%}                           | sla-weakened
            availability        | {value: 99.9, unit: percent}             | {value: 99.99%}                          | sla-strengthened
            retention           | {value: 3, unit: y}                      | {value: 1, unit: years}                  | sla-weakened
            retention           | {value: 3, unit: y}                      | {value: P5Y}                             | sla-strengthened
            retention           | {value: 1, unit: mo}                     | {value: 2, unit: w}                      | sla-weakened
            endOfSupport        | {value: '2032-05-12T09:30:10-08:00'}     | {value: '2030-01-01T00:00:00Z'}          | sla-weakened
            endOfLife           | {value: '2042-05-12'}                    | {value: '2045-05-12'}                    | sla-strengthened
            generalAvailability | {value: '2022-05-12T09:30:10-08:00'}     | {value: '2022-06-01T00:00:00-08:00'}     | sla-weakened
            timeOfAvailability  | {value: '09:00-08:00'}                   | {value: '10:00-08:00'}                   | sla-weakened
            timeOfAvailability  | {value: '09:00-08:00'}                   | {value: '09:00-09:00'}                   | sla-weakened
            timeOfAvailability  | {value: '09:00'}                         | {value: '07:30'}                         | sla-strengthened
            throughput          | {value: 1000, unit: rows/s}              | {value: 500, unit: rows/s}               | sla-weakened
            errorRate           | {value: 1%}                              | {value: 0.5%}                            | sla-strengthened
            """)
    void aPromisedLevelIsComparedInItsUnits(String property, String before, String after, String code) {
        // given
        ObjectNode published = withSla(property, before);
        ObjectNode proposed = withSla(property, after);

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        ChangeKind kind = code.equals("sla-strengthened") ? ADDITIVE : BREAKING;
        assertThatChanges(changes).containsExactly(tuple("$.slaProperties[" + property + "]", kind, code));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2} is no change")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            latency      | {value: 4, unit: h}         | {value: 240, unit: m}
            latency      | {value: 1, unit: d}         | {value: P1D}
            retention    | {value: 1, unit: y}         | {value: 12, unit: months}
            availability | {value: 99.9%}              | {value: 99.9, unit: '%'}
            """)
    void theSameLevelInOtherUnitsIsNoChange(String property, String before, String after) {
        // given
        ObjectNode published = withSla(property, before);
        ObjectNode proposed = withSla(property, after);

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThat(changes).isEmpty();
    }

    @Test
    void levelsThatCannotBeComparedAreBreaking() {
        // given
        ObjectNode published = withSla("latency", "{value: 4, unit: h}");
        ObjectNode proposed = withSla("latency", "{value: as soon as possible}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple("$.slaProperties[latency]", BREAKING, "sla-changed"));
    }

    @Test
    void aPercentageAndAPlainNumberCannotBeCompared() {
        // given
        ObjectNode published = withSla("availability", "{value: 99.9%}");
        ObjectNode proposed = withSla("availability", "{value: 0.9999}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple("$.slaProperties[availability]", BREAKING, "sla-changed"));
    }

    @Test
    void aChangedLevelOfAnUnknownPropertyIsBreaking() {
        // given
        ObjectNode published = withSla("completeness", "{value: 95%}");
        ObjectNode proposed = withSla("completeness", "{value: 99%}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple("$.slaProperties[completeness]", BREAKING, "sla-changed"));
    }

    @Test
    void aChangedExtendedValueIsBreaking() {
        // given
        ObjectNode published = withSla("frequency", "{value: 1, valueExt: 1, unit: d}");
        ObjectNode proposed = withSla("frequency", "{value: 1, valueExt: 2, unit: d}");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple("$.slaProperties[frequency]", BREAKING, "sla-changed"));
    }

    @Test
    void theChangeCarriesBothEntries() {
        // given
        ObjectNode published = Contracts.base();
        ObjectNode proposed = Contracts.base();
        sla(proposed, "latency").put("value", 8);

        // when
        Change change = classifier.compare(published, proposed).get(0);

        // then
        assertThat(change.before()).isEqualTo(sla(published, "latency"));
        assertThat(change.after()).isEqualTo(sla(proposed, "latency"));
    }

    @Test
    void droppingAnSlaIsBreaking() {
        // given
        ObjectNode published = Contracts.base();
        ObjectNode proposed = Contracts.base();
        remove(slas(proposed), "property", "retention");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple("$.slaProperties[retention]", BREAKING, "sla-removed"));
    }

    @Test
    void promisingANewSlaIsAdditive() {
        // given
        ObjectNode published = Contracts.base();
        ObjectNode proposed = Contracts.base();
        slas(proposed).add(value("{property: frequency, value: 1, unit: d, element: orders.ordered_at}"));

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes)
                .containsExactly(tuple("$.slaProperties[frequency@orders.ordered_at]", ADDITIVE, "sla-added"));
    }

    @Test
    void slasOnDifferentElementsAreDifferentPromises() {
        // given
        ObjectNode published = Contracts.base();
        ObjectNode proposed = Contracts.base();
        sla(proposed, "latency").put("element", "orders.order_id");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(
                tuple("$.slaProperties[latency@orders.ordered_at]", BREAKING, "sla-removed"),
                tuple("$.slaProperties[latency@orders.order_id]", ADDITIVE, "sla-added"));
    }

    @Test
    void slasSharingPropertyAndElementAreNumberedInOrder() {
        // given
        ObjectNode published = withSlas("[{property: timeOfAvailability, value: '09:00', driver: regulatory},"
                + " {property: timeOfAvailability, value: '08:00', driver: analytics}]");
        ObjectNode proposed = withSlas("[{property: timeOfAvailability, value: '09:00', driver: regulatory},"
                + " {property: timeOfAvailability, value: '08:30', driver: analytics}]");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes)
                .containsExactly(tuple("$.slaProperties[timeOfAvailability#2]", BREAKING, "sla-weakened"));
    }

    @ParameterizedTest(name = "changing {0} is cosmetic")
    @CsvSource({"description, description-changed", "driver, driver-changed", "scheduler, scheduler-changed",
            "schedule, schedule-changed", "id, id-changed"})
    void describingAnSlaDifferentlyIsCosmetic(String field, String code) {
        // given
        ObjectNode published = Contracts.base();
        ObjectNode proposed = Contracts.base();
        sla(proposed, "retention").put(field, "something else");

        // when
        List<Change> changes = classifier.compare(published, proposed);

        // then
        assertThatChanges(changes).containsExactly(tuple("$.slaProperties[retention]." + field, COSMETIC, code));
    }

    private static ObjectNode withSla(String property, String level) {
        ObjectNode entry = (ObjectNode) value(level);
        ObjectNode sla = entry.objectNode().put("property", property);
        sla.setAll(entry);
        return withSlas("[" + sla + "]");
    }

    private static ObjectNode withSlas(String slas) {
        ObjectNode contract = Contracts.yaml("""
                apiVersion: v3.1.0
                kind: DataContract
                id: c
                version: 1.0.0
                status: active
                """);
        contract.set("slaProperties", value(slas));
        return contract;
    }
}
