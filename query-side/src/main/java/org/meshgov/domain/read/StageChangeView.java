package org.meshgov.domain.read;

import java.time.Instant;
import org.meshgov.domain.OnboardingStage;

/** One request to move a domain: {@code status} is PENDING, APPROVED or REJECTED. */
public record StageChangeView(String requestId, OnboardingStage from, OnboardingStage to, String reason,
                              String requestedBy, Instant requestedAt, String status, String decidedBy,
                              Instant decidedAt, String comment) {
}
