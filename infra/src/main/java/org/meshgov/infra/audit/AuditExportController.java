package org.meshgov.infra.audit;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.infra.security.CurrentActor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Streams the chained event log, a page of rows at a time, so that an export of any size fits in memory. */
@RestController
public class AuditExportController {

    private final EventChainRepository chain;

    public AuditExportController(EventChainRepository chain) {
        this.chain = chain;
    }

    @GetMapping("/api/audit/export")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "1") long from,
                                                        @RequestParam(required = false) Long to,
                                                        @RequestParam(defaultValue = "jsonl") String format) {
        Actor actor = CurrentActor.get();
        if (!actor.isMemberOf(GlobalGroups.AUDITORS) && !actor.isMemberOf(GlobalGroups.PLATFORM_ADMINS)) {
            throw new NotAllowedException("only auditors and platform admins export the event log");
        }
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw GovernanceViolationException.of("$.format", "export-format", "format is jsonl or csv");
        }
        long last = to == null ? chain.head().position() : Math.min(to, chain.head().position());
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            if (format.equals("csv")) {
                ChainExport.writeCsv(chain.entries(from, last), writer);
            } else {
                ChainExport.writeJsonLines(chain.entries(from, last), writer);
            }
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(format.equals("csv") ? MediaType.parseMediaType("text/csv")
                        : MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"meshgov-events-" + from + "-" + last
                        + "." + format + "\"")
                .body(body);
    }
}
