package com.eoc.accounts.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableTest {

    @Test
    void aRefusedConnectionBehindThePoolsTimeoutIsTheDatabase() {
        Exception failure = new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available",
                        new SQLException("Connection to localhost:5433 refused", "08001")));

        assertThat(DatabaseUnavailable.isCauseOf(failure)).isTrue();
    }

    @Test
    void aConnectionBrokenUnderAnAppendIsTheDatabaseThoughAxonSaysAlreadyInserted() {
        SQLException broken = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO … was aborted", "08006",
                0, new int[0], broken);
        Exception failure = new CommandExecutionException("failed", new EventStoreException(
                "An event for aggregate [a] at sequence [3] was already inserted", batch));

        assertThat(DatabaseUnavailable.isCauseOf(failure)).isTrue();
    }

    @Test
    void anAdministratorsShutdownIsTheDatabase() {
        Exception failure = new IllegalStateException("JDBC exception executing SQL", new RuntimeException(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));

        assertThat(DatabaseUnavailable.isCauseOf(failure)).isTrue();
    }

    @Test
    void aConnectionThePoolHasAlreadyClosedIsTheDatabase() {
        assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException(new SQLException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void aDuplicateEventIsAConflictNotTheDatabase() {
        Exception failure = new ConcurrencyException("An event for aggregate [a] at sequence [3] was already inserted",
                new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(DatabaseUnavailable.isCauseOf(failure)).isFalse();
    }

    @Test
    void aBugIsNotTheDatabase() {
        assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException(
                new SQLException("column \"x\" does not exist", "42703")))).isFalse();
    }

    @Test
    void theAnswerIs503ProblemWithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = DatabaseUnavailable.answer(
                new SQLException("Connection to localhost:5433 refused", "08001"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo(DatabaseUnavailable.RETRY_AFTER_SECONDS);
        assertThat(answer.getBody().getType()).hasToString("urn:eoc:problem:database-unavailable");
        assertThat(answer.getBody().getStatus()).isEqualTo(503);
    }
}
