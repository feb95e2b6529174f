package org.meshgov.incident;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an {@code incident} rule reads, from the raised event: {@code incident} with
 * {@code incidentId}, {@code contractId}, {@code version}, {@code domain}, {@code kind},
 * {@code severity} (SEV1 to SEV4), {@code title}, {@code description}, {@code consumers} (domain
 * names) and {@code raisedBy}.
 */
public final class IncidentFacts {

    private IncidentFacts() {
    }

    public static Map<String, Object> of(IncidentRaisedEvent event) {
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("incidentId", event.incidentId());
        incident.put("contractId", event.contractId());
        incident.put("version", event.version());
        incident.put("domain", event.domain());
        incident.put("kind", event.kind().name());
        incident.put("severity", event.severity().name());
        incident.put("title", event.title());
        incident.put("description", event.description());
        incident.put("consumers", event.consumers());
        incident.put("raisedBy", event.raisedBy());
        return Map.of("incident", incident);
    }
}
