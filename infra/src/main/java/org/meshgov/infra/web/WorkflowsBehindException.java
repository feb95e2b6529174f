package org.meshgov.infra.web;

/** A write that would start a process was refused because that workflow is too far behind the log. */
public class WorkflowsBehindException extends RuntimeException {

    private final long retryAfterSeconds;

    public WorkflowsBehindException(String processingGroup, long backlog, long waitedMillis, long retryAfterSeconds) {
        super(processingGroup + " is " + backlog + " events behind the log after " + waitedMillis
                + " ms of waiting; nothing was stored, retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
