package org.meshgov.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AcknowledgementSlaTest {

    final AcknowledgementSla sla = AcknowledgementSla.defaults();

    @Test
    void theDefaultsGiveSev1FifteenMinutesSev2AnHourAndSev4ThreeDays() {
        Instant raised = Instant.parse("2026-11-25T10:00:00Z");
        assertThat(sla.acknowledgeBy(IncidentSeverity.SEV1, raised)).isEqualTo("2026-11-25T10:15:00Z");
        assertThat(sla.acknowledgeBy(IncidentSeverity.SEV2, raised)).isEqualTo("2026-11-25T11:00:00Z");
        assertThat(sla.acknowledgeBy(IncidentSeverity.SEV4, raised)).isEqualTo("2026-11-28T10:00:00Z");
    }

    @Test
    void aBusinessDayOnAWednesdayEndsOnThursdayAtTheSameTime() {
        assertThat(sla.acknowledgeBy(IncidentSeverity.SEV3, Instant.parse("2026-11-25T10:00:00Z")))
                .isEqualTo("2026-11-26T10:00:00Z");
    }

    @Test
    void aBusinessDayFromFridayEveningEndsOnMondayEvening() {
        assertThat(sla.acknowledgeBy(IncidentSeverity.SEV3, Instant.parse("2026-11-27T18:00:00Z")))
                .isEqualTo("2026-11-30T18:00:00Z");
    }

    @Test
    void aBusinessDayFromSaturdayEndsOnTuesdayMorningAfterAWholeMonday() {
        assertThat(sla.acknowledgeBy(IncidentSeverity.SEV3, Instant.parse("2026-11-28T15:00:00Z")))
                .isEqualTo("2026-12-01T00:00:00Z");
    }

    @Test
    void limitsAreConfigurable() {
        AcknowledgementSla strict = AcknowledgementSla.of("PT5M", "PT30M", "2 business days", "P1D");
        assertThat(strict.acknowledgeBy(IncidentSeverity.SEV3, Instant.parse("2026-11-26T09:00:00Z")))
                .isEqualTo("2026-11-30T09:00:00Z");
    }

    @Test
    void aLimitThatIsNeitherADurationNorBusinessDaysIsRefusedAtStart() {
        assertThatThrownBy(() -> AcknowledgementSla.of("soon", "PT1H", "1 business day", "P3D"))
                .hasMessageContaining("SEV1");
    }
}
