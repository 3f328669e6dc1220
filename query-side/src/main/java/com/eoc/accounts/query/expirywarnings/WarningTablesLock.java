package com.eoc.accounts.query.expirywarnings;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the refresh job and the projection out of each other's way on the two tables they both
 * write, on any number of query-side nodes: a PostgreSQL transaction-level advisory lock, held
 * shared by every projection transaction that handles a token event and exclusively by a run of
 * the job, and released by the database at commit or rollback (also when a node dies).
 *
 * <p>Without it, a job whose statement started just before a projection transaction deleted a
 * token, and committed just after, would put the deleted token back into the view from its older
 * snapshot of {@code current_token}, until the token expired. Projections don't block each other
 * (the lock is shared among them); two runs of the job wait for one another, and the second then
 * finds nothing left to do.
 */
@Component
class WarningTablesLock {

    /** Any number that no other advisory lock in the database uses: "tokenexp" in ASCII. */
    static final long KEY = 0x746F6B656E657870L;

    private final JdbcTemplate jdbc;

    WarningTablesLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** For a projection transaction; waits while the job runs. Held until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void acquireShared() {
        jdbc.queryForList("SELECT pg_advisory_xact_lock_shared(?)", KEY);
    }

    /** For the job; waits for the projection transactions in flight and for another run. Held until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void acquireExclusive() {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", KEY);
    }
}
