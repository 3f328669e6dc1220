package com.eoc.accounts.command.audit;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration in Java, among the command side's SQL ones: run once under its version, recorded in
 * the Flyway history, in a transaction of its own (all of it applies, or none). What was recorded
 * as applied is the code as it is: there is no checksum to compare.
 */
abstract class RecordedMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    RecordedMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
