package com.eoc.accounts.command.testing;

import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer.SharedPostgres;
import com.eoc.accounts.localpostgres.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.postgresql.Driver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A database of a test's own, migrated as the command side migrates its database (the same
 * locations, and the Java migrations the test names), up to the version the test asks for: to
 * store rows as an older release did, then see what the next migrations make of them.
 */
public final class MigratedDatabase {

    private static final String[] LOCATIONS = {
            "classpath:db/eventstore", "classpath:db/avatarstore", "classpath:db/command", "classpath:db/credentials"};

    private final SimpleDriverDataSource dataSource = new SimpleDriverDataSource(
            new Driver(), SharedPostgres.createDatabase(), LocalPostgres.USER, "");
    private final JavaMigration[] javaMigrations;

    public MigratedDatabase(JavaMigration... javaMigrations) {
        this.javaMigrations = javaMigrations;
    }

    /** Applies every migration up to {@code target} ("latest": all of them). */
    public MigratedDatabase migrateTo(String target) {
        Flyway.configure().dataSource(dataSource).schemas("command_side").defaultSchema("command_side")
                .locations(LOCATIONS).javaMigrations(javaMigrations).target(target).load().migrate();
        return this;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }
}
