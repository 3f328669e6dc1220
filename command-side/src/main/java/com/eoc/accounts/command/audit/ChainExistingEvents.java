package com.eoc.accounts.command.audit;

import com.eoc.accounts.auditproof.ChainedEvent;
import com.eoc.accounts.auditproof.Sha256;
import com.eoc.accounts.platform.eventstore.AuditedMetaData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 1.4, once, recorded in the command side's Flyway history: links the events written
 * before the hash chain existed (migration 1.3 added its column), account by account in sequence
 * order, exactly as the command side links a new one ({@code ChainedAppend}). An event that has a
 * link already keeps it, and the next one chains on from it.
 */
@Component
class ChainExistingEvents extends RecordedMigration {

    private static final int BATCH = 1_000;

    ChainExistingEvents() {
        super("1.4", "link the events from before the hash chain");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        linkUnlinked(context.getConnection());
    }

    /**
     * Links every event that has no link, account by account in sequence order, each from the one
     * before it.
     */
    static void linkUnlinked(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT global_index, aggregate_identifier,"
                + " sequence_number, payload_type, payload_revision, payload, time_stamp, meta_data, chain_hash"
                + " FROM eventstore.domain_event_entry ORDER BY aggregate_identifier, sequence_number");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE eventstore.domain_event_entry SET chain_hash = ? WHERE global_index = ?")) {
            select.setFetchSize(BATCH);
            String account = null;
            byte[] previous = Sha256.none();
            int pending = 0;
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String accountId = row.getString("aggregate_identifier");
                    if (!accountId.equals(account)) {
                        account = accountId;
                        previous = Sha256.none();
                    }
                    byte[] stored = row.getBytes("chain_hash");
                    if (stored != null) {
                        previous = stored;
                        continue;
                    }
                    AuditedMetaData metaData = AuditedMetaData.of(row.getBytes("meta_data"));
                    previous = ChainedEvent.of(accountId, row.getLong("sequence_number"), row.getString("payload_type"),
                            row.getString("payload_revision"), row.getBytes("payload"), row.getString("time_stamp"),
                            metaData.actor(), metaData.correlationId()).link(previous);
                    update.setBytes(1, previous);
                    update.setLong(2, row.getLong("global_index"));
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }
}
