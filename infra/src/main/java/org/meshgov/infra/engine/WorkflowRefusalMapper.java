package org.meshgov.infra.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.meshgov.governance.Violation;
import org.meshgov.workflow.WorkflowRefusal;

/**
 * Camunda reports any exception from a task listener as a 500 "Cannot complete task", and an
 * unknown task id as a 500 too. When the cause is a refused command, answer with its own status;
 * an unknown id is a 404; a task whose case another node or request changed at the same moment is a
 * 409 that is safe to retry (ADR 13); all as {@code application/problem+json}.
 */
@Provider
@Priority(1)
public class WorkflowRefusalMapper implements ExceptionMapper<RestException> {

    /** Camunda's code for a variable in the Java serialization format, which the engine refuses to read. */
    static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

    private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof WorkflowRefusal refusal) {
                return problem(refusal);
            }
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException
                    || cause instanceof OptimisticLockingException) {
                return problem(new WorkflowRefusal(409, "the case changed meanwhile; retry", List.of(
                        new Violation("$", "concurrent-change", "the case changed meanwhile; retry"))));
            }
            if (cause instanceof ProcessEngineException refused && refused.getMessage() != null
                    && refused.getMessage().contains(JAVA_SERIALIZATION_PROHIBITED)) {
                return problem(new WorkflowRefusal(400, refused.getMessage(), List.of(new Violation("$.variables",
                        "no-java-serialization", "variables cannot be Java-serialized objects"))));
            }
            if (cause instanceof NullValueException missing) {
                // Camunda's way of saying "no such task" or "that value is missing": the caller's mistake, not ours
                boolean unknown = missing.getMessage() != null && missing.getMessage().contains("Cannot find");
                return problem(new WorkflowRefusal(unknown ? 404 : 400, missing.getMessage(), List.of(
                        new Violation("$", unknown ? "exists" : "required", missing.getMessage()))));
            }
        }
        return camundaDefault.toResponse(exception);
    }

    static Response problem(WorkflowRefusal refusal) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", Response.Status.fromStatusCode(refusal.status()) == null
                ? "Refused" : Response.Status.fromStatusCode(refusal.status()).getReasonPhrase());
        problem.put("status", refusal.status());
        problem.put("detail", refusal.getMessage());
        problem.put("violations", refusal.violations());
        return Response.status(refusal.status()).type("application/problem+json").entity(problem).build();
    }

    /** A refusal from a delegate that runs while a process starts reaches Jersey unwrapped. */
    @Provider
    @Priority(1)
    public static class Unwrapped implements ExceptionMapper<WorkflowRefusal> {
        @Override
        public Response toResponse(WorkflowRefusal refusal) {
            return problem(refusal);
        }
    }

    /**
     * Camunda's resources dereference the request body without checking it, so an empty or
     * {@code null} body is a NullPointerException; only that one is the caller's mistake.
     */
    @Provider
    @Priority(1)
    public static class MissingBody implements ExceptionMapper<NullPointerException> {
        private final ExceptionHandler camundaDefault = new ExceptionHandler();

        @Override
        public Response toResponse(NullPointerException exception) {
            if (exception.getMessage() != null && exception.getMessage().contains("\"dto\" is null")) {
                return problem(new WorkflowRefusal(400, "the request needs a JSON object body", List.of(
                        new Violation("$", "body-required", "the request needs a JSON object body"))));
            }
            return camundaDefault.toResponse(exception);
        }
    }
}
