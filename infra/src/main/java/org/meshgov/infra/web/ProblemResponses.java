package org.meshgov.infra.web;

import java.net.URI;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
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

    /** Two writers created the same aggregate at once, or one already exists. */
    @ExceptionHandler(EventStoreException.class)
    ProblemDetail conflict(EventStoreException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", "it already exists or changed meanwhile; retry", List.of());
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
