package org.meshgov.deprecation;

import java.util.List;

public record DeprecationRemindersSentEvent(String contractId, String version, String deprecationId, ReminderKind reminder, List<String> consumers, String escalatedTo) {
}
