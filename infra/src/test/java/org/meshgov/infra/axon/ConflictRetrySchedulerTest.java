package org.meshgov.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meshgov.governance.GovernanceViolationException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Which failed commands are sent again, and which go back to their caller. */
class ConflictRetrySchedulerTest {

    private final ConflictRetryScheduler retries = new ConflictRetryScheduler(1, 3, 1);
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("a command");
    private final List<Class<? extends Throwable>[]> failures = new ArrayList<>();

    @AfterEach
    void close() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
        retries.close();
    }

    private boolean failedWith(RuntimeException failure) {
        failures.add(chainOf(failure));
        return retries.scheduleRetry(command, failure, failures, () -> { });
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Throwable>[] chainOf(Throwable failure) {
        List<Class<? extends Throwable>> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            chain.add(cause.getClass());
        }
        return chain.toArray(Class[]::new);
    }

    @Test
    void aLostRaceForTheAggregateIsSentAgainAfterABackOff() throws Exception {
        CountDownLatch sentAgain = new CountDownLatch(1);
        ConcurrencyException conflict = new ConcurrencyException("sequence 3 of contract:x is taken");
        failures.add(chainOf(conflict));

        assertThat(retries.scheduleRetry(command, conflict, failures, sentAgain::countDown)).isTrue();
        assertThat(sentAgain.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void conflictsAreRetriedOnlyUpToTheLimit() {
        ConcurrencyException conflict = new ConcurrencyException("taken");
        assertThat(failedWith(conflict)).isTrue();
        assertThat(failedWith(conflict)).isTrue();
        assertThat(failedWith(conflict)).isTrue();
        assertThat(failedWith(conflict)).isFalse();
    }

    @Test
    void aRefusalIsTheAnswerAndIsNotRetried() {
        assertThat(failedWith(GovernanceViolationException.of("$.version", "version-exists", "exists"))).isFalse();
        assertThat(failedWith(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void aConflictOnAnAggregatesFirstEventIsRetriedOnce() {
        AggregateStreamCreationException created = new AggregateStreamCreationException("contract:x exists");
        assertThat(failedWith(created)).as("the retry finds the aggregate and decides on it").isTrue();
        assertThat(failedWith(created)).as("a handler that always creates meets the same row again").isFalse();
    }

    @Test
    void aConflictInsideTheCallersTransactionGoesBackToTheCaller() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        assertThat(failedWith(new ConcurrencyException("taken"))).isFalse();
    }
}
