package org.meshgov.deprecation.read;

import java.time.Instant;
import java.time.LocalDate;

/** Where one consumer of a deprecated version stands. */
public record ConsumerView(String domain, Instant notifiedAt, boolean acknowledged, LocalDate plannedMigration,
                           String acknowledgedBy, Instant acknowledgedAt, String objection, String objectedBy,
                           boolean migrated, String migratedHow, Instant migratedAt, String lastReminder,
                           Instant lastRemindedAt) {

    static ConsumerView notified(String domain, Instant at) {
        return new ConsumerView(domain, at, false, null, null, null, null, null, false, null, null, null, null);
    }

    ConsumerView acknowledged(LocalDate planned, String by, Instant at) {
        return new ConsumerView(domain, notifiedAt, true, planned, by, at, null, null, migrated, migratedHow,
                migratedAt, lastReminder, lastRemindedAt);
    }

    ConsumerView objected(String reason, String by) {
        return new ConsumerView(domain, notifiedAt, false, null, null, null, reason, by, migrated, migratedHow,
                migratedAt, lastReminder, lastRemindedAt);
    }

    ConsumerView migrated(String how, Instant at) {
        return new ConsumerView(domain, notifiedAt, acknowledged, plannedMigration, acknowledgedBy, acknowledgedAt,
                objection, objectedBy, true, how, at, lastReminder, lastRemindedAt);
    }

    ConsumerView reminded(String reminder, Instant at) {
        return new ConsumerView(domain, notifiedAt, acknowledged, plannedMigration, acknowledgedBy, acknowledgedAt,
                objection, objectedBy, migrated, migratedHow, migratedAt, reminder, at);
    }
}
