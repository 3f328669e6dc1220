package com.eoc.accounts.query;

import com.eoc.accounts.localpostgres.LocalPostgres;
import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer.SharedPostgres;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.Driver;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** A database of its own, migrated step by step as the query side migrates it, for the tests of one migration. */
public final class QuerySideMigrations {

    private static final String[] LOCATIONS = {
            "classpath:db/query", "classpath:db/eventstore", "classpath:db/credentials", "classpath:db/avatarstore"};

    private final DataSource dataSource = new SimpleDriverDataSource(
            new Driver(), SharedPostgres.createDatabase(), LocalPostgres.USER, "");

    public DataSource dataSource() {
        return dataSource;
    }

    /** Migrates up to that version ("latest": all of them). */
    public void migrateTo(String version) {
        Flyway.configure().dataSource(dataSource).schemas("query_side").defaultSchema("query_side")
                .locations(LOCATIONS).target(version).load().migrate();
    }
}
