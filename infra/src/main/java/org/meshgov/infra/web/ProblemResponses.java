package org.meshgov.infra.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.meshgov.contract.validation.MalformedDocumentException;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.IllegalTransitionException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.governance.Violation;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.policy.PolicyViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal is {@code application/problem+json} with a {@code violations} list, so that clients
 * can show each broken rule where it applies.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    @ExceptionHandler(GovernanceViolationException.class)
    ProblemDetail violated(GovernanceViolationException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Governance rules violated", e.getMessage(), e.violations());
    }

    /** Says which policy version refused, and at which stage, beside the rules that did not hold. */
    @ExceptionHandler(PolicyViolationException.class)
    ProblemDetail policyViolated(PolicyViolationException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Policy rules violated", e.getMessage(),
                e.violations());
        problem.setProperty("policyVersion", e.policyVersion());
        problem.setProperty("stage", e.stage());
        return problem;
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ProblemDetail illegalTransition(IllegalTransitionException e) {
        return problem(HttpStatus.CONFLICT, "Illegal transition", e.getMessage(), e.violations());
    }

    @ExceptionHandler(NotAllowedException.class)
    ProblemDetail notAllowed(NotAllowedException e) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage(), List.of());
    }

    @ExceptionHandler({UnknownEntityException.class, AggregateNotFoundException.class})
    ProblemDetail unknown(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), List.of());
    }

    @ExceptionHandler(MalformedDocumentException.class)
    ProblemDetail malformed(MalformedDocumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed document", e.getMessage(),
                List.of(new Violation("$", "well-formed", e.getMessage())));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", e.getMessage(), List.of());
    }

    /**
     * It already exists, or another writer changed it meanwhile and the retries (ADR 13) did not get
     * through, or the request's own transaction could not retry: sending it again is safe.
     */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail conflict(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", "it already exists or changed meanwhile; retry", List.of());
    }

    /** The database refused or dropped the write (a restart, a lost connection): nothing was stored. */
    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<Object> notStored(EventStoreException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Not stored", "the event store did not take it; retry",
                        List.of()));
    }

    /** The workflow that would start the process is too far behind: nothing was stored (ADR 17). */
    @ExceptionHandler(WorkflowsBehindException.class)
    ResponseEntity<Object> workflowsBehind(WorkflowsBehindException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Workflows behind", e.getMessage(),
                        List.of(new Violation("$", "workflow-backlog", e.getMessage()))));
    }

    /** Says which field could not be read and why, instead of "Failed to read request". */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Violation violation = unreadable(ex.getCause());
        ProblemDetail detail = problem(HttpStatus.BAD_REQUEST, "Unreadable request body", violation.message(),
                List.of(violation));
        return handleExceptionInternal(ex, detail, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static Violation unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new Violation(path(unknown), "known-field", "there is no field '" + unknown.getPropertyName()
                    + "'" + (unknown.getKnownPropertyIds() == null ? "" : "; known: " + unknown.getKnownPropertyIds()));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new Violation(path(mapping), "type", "wrong type or value at " + path(mapping) + ": "
                    + mapping.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (cause instanceof JsonProcessingException parsing) {
            return new Violation("$", "well-formed", "not well-formed JSON: "
                    + parsing.getOriginalMessage().lines().findFirst().orElse(""));
        }
        return new Violation("$", "well-formed", "the body could not be read as JSON");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail detail = body instanceof ProblemDetail given ? given
                : ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
        if (detail.getProperties() == null || !detail.getProperties().containsKey("violations")) {
            detail.setProperty("violations", List.of(new Violation("$", "request", detail.getDetail())));
        }
        return super.handleExceptionInternal(ex, detail, headers, statusCode, request);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail, List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        problem.setProperty("violations", violations);
        return problem;
    }
}
