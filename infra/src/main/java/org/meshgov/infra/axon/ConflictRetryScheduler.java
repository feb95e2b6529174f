package org.meshgov.infra.axon;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a command again when it lost a race for its aggregate: another writer, on this node or
 * another, stored the same sequence number first. The retry loads the aggregate with the winner's
 * events and decides afresh, so both commands are judged on the real history (ADR 13).
 *
 * <p>Nothing else is retried: a refusal by the aggregate is the answer, not a fault. A conflict on
 * the first event of an aggregate is retried once, which is enough for a handler that creates the
 * aggregate only when it is missing; a second one means the handler always creates and the
 * aggregate exists, which no retry changes. A command sent inside a caller's transaction (a keyed
 * request, a Camunda task listener, an event processor) is never retried here: PostgreSQL has
 * aborted that transaction, and a retry in a new one would commit apart from the caller's work. The
 * conflict goes back to the caller instead, which retries as a whole (409 to an HTTP client, the
 * job executor's or the event processor's own retry).
 */
public final class ConflictRetryScheduler implements RetryScheduler, AutoCloseable {

    private final ScheduledExecutorService executor;
    private final RetryScheduler backOff;

    /** Waits {@code firstIntervalMillis} before the first retry and doubles the wait before each next one. */
    public ConflictRetryScheduler(long firstIntervalMillis, int maxRetries, int threads) {
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(threads, task -> {
            Thread thread = new Thread(task, "command-retry-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.backOff = ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .backoffFactor(firstIntervalMillis)
                .maxRetryCount(maxRetries)
                .build();
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        boolean creationConflict = causedBy(lastFailure, AggregateStreamCreationException.class);
        if (!creationConflict && !causedBy(lastFailure, ConcurrencyException.class)) {
            return false;
        }
        if (creationConflict && creationConflictsIn(failures) > 1) {
            return false;
        }
        return backOff.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static long creationConflictsIn(List<Class<? extends Throwable>[]> failures) {
        return failures.stream()
                .filter(chain -> Arrays.stream(chain).anyMatch(AggregateStreamCreationException.class::isAssignableFrom))
                .count();
    }
}
