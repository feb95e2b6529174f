package org.meshgov.incident.read;

import java.beans.PropertyEditorSupport;
import java.util.List;
import java.util.Locale;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.incident.IncidentSeverity;
import org.meshgov.incident.IncidentStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Incidents for everyone logged in: the list with filters, and each one with its timeline and times. */
@RestController
public class IncidentReadController {

    private final IncidentQueries queries;

    public IncidentReadController(IncidentQueries queries) {
        this.queries = queries;
    }

    /**
     * Filters read {@code open} like {@code OPEN}, as the other lists do; a value that names no
     * status or severity fails binding and answers 400 rather than an empty list.
     */
    @InitBinder
    void filters(WebDataBinder binder) {
        binder.registerCustomEditor(IncidentStatus.class, caseInsensitive(IncidentStatus.class));
        binder.registerCustomEditor(IncidentSeverity.class, caseInsensitive(IncidentSeverity.class));
    }

    @GetMapping("/api/incidents")
    public List<IncidentSummary> search(@RequestParam(required = false) IncidentStatus status,
                                        @RequestParam(required = false) String domain,
                                        @RequestParam(required = false) IncidentSeverity severity,
                                        @RequestParam(required = false) String contractId) {
        return queries.search(status, domain, severity, contractId);
    }

    @GetMapping("/api/incidents/{incidentId}")
    public IncidentView get(@PathVariable String incidentId) {
        return queries.byId(incidentId).orElseThrow(() -> new UnknownEntityException("no incident " + incidentId));
    }

    private static <E extends Enum<E>> PropertyEditorSupport caseInsensitive(Class<E> type) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isBlank() ? null
                        : Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT)));
            }
        };
    }
}
