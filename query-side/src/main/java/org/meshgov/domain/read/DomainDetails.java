package org.meshgov.domain.read;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** A domain with the history of its onboarding stage, oldest request first. */
public record DomainDetails(@JsonUnwrapped DomainView domain, List<StageChangeView> stageHistory) {
}
