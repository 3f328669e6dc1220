package com.eoc.accounts.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What Axon is told about a failed append: a conflict only for a real duplicate. */
class PostgresEventStoreTest {

    @Test
    void theSameSequenceNumberTwiceIsADuplicate() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        Exception failure = new BatchUpdateException("Batch entry 0 … was aborted", "23505", 0, new int[0], duplicate);

        assertThat(PostgresEventStore.isUniqueViolation(failure)).isTrue();
    }

    @Test
    void aBrokenConnectionIsNoDuplicate() {
        SQLException broken = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        Exception failure = new BatchUpdateException("Batch entry 0 … was aborted", "08006", 0, new int[0], broken);

        assertThat(PostgresEventStore.isUniqueViolation(failure)).isFalse();
    }
}
