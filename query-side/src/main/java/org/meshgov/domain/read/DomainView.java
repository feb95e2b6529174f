package org.meshgov.domain.read;

import java.time.Instant;
import org.meshgov.domain.OnboardingStage;

public record DomainView(String id, String name, String description, String ownerGroup, String memberGroup,
                         String registeredBy, Instant registeredAt, OnboardingStage stage, Instant stageSince) {
}
