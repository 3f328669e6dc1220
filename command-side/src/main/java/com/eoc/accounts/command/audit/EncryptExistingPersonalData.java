package com.eoc.accounts.command.audit;

import com.eoc.accounts.platform.personaldata.StoredPlaintext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 1.9, once, recorded in the command side's Flyway history: brings the events written
 * before encryption under it (decision 0015). In one transaction it encrypts their personal fields
 * in place with their accounts' data keys ({@link StoredPlaintext}), links every event again from
 * its payload as it now is ({@link ChainExistingEvents#linkUnlinked}), and moves the checkpoints
 * signed over the old links to {@code eventstore.superseded_checkpoint}, where an auditor still
 * finds them; the command side signs a new one at its next tick.
 */
@Component
class EncryptExistingPersonalData extends RecordedMigration {

    EncryptExistingPersonalData() {
        super("1.9", "encrypt the personal fields of the events from before encryption, and link them again");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE eventstore.superseded_checkpoint AS"
                    + " SELECT *, now() AS superseded_at FROM eventstore.checkpoint WITH NO DATA");
            if (StoredPlaintext.encrypt(connection) == 0) {
                return; // nothing was stored in plain text: the links and checkpoints stand
            }
            statement.execute("UPDATE eventstore.domain_event_entry SET chain_hash = NULL");
            statement.execute("INSERT INTO eventstore.superseded_checkpoint SELECT *, now() FROM eventstore.checkpoint");
            statement.execute("DELETE FROM eventstore.checkpoint");
        }
        ChainExistingEvents.linkUnlinked(connection);
    }
}
