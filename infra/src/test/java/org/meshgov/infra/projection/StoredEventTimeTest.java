package org.meshgov.infra.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bulk rebuild reads a stored event's time field by field; it must read what Instant.parse reads. */
class StoredEventTimeTest {

    @Test
    void axonsFormIsReadAsInstantParseReadsIt() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            Instant time = Instant.ofEpochMilli(random.nextLong(253_402_300_799_999L));
            String stored = time.toString().length() == 24 ? time.toString()
                    : String.format("%sZ", time.toString().substring(0, 19) + ".000");
            assertThat(CatalogBulkRebuild.timestamp(stored)).as(stored).isEqualTo(Instant.parse(stored));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00.000Z", "2026-11-27T17:49:55.232Z",
            "2026-11-27T17:49:55Z", "2026-11-27T17:49:55.232123Z", "+12026-11-27T17:49:55.232Z",
            "2026-11-27T24:00:00.000Z"})
    void anyOtherFormIsLeftToInstantParse(String stored) {
        assertThat(CatalogBulkRebuild.timestamp(stored)).isEqualTo(Instant.parse(stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T10:00:00.000Z", "2026-13-01T10:00:00.000Z", "2026-11-27T25:00:00.000Z",
            "2026-11-27T10:60:00.000Z", "2026-11-27T10:00:00.0x0Z", "2026-11-27 10:00:00.000Z"})
    void anImpossibleTimeIsRefusedAsInstantParseRefusesIt(String stored) {
        assertThatThrownBy(() -> CatalogBulkRebuild.timestamp(stored)).isInstanceOf(DateTimeException.class);
    }
}
