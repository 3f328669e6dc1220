package com.eoc.accounts.bench;

import com.eoc.accounts.harness.Http;
import com.eoc.accounts.harness.Json;
import com.eoc.accounts.harness.Machine;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** The plain CRUD service under bench/crud: its accounts, and the same rename as the command side's. */
final class Crud {

    private Crud() {
    }

    /** Fills its table (which it created at start-up) with that many accounts; answers their ids. */
    static List<UUID> seed(Settings settings, int count) throws Exception {
        List<UUID> ids = new ArrayList<>(count);
        try (Connection connection = Machine.connect(settings.jdbcUrl()); Statement sql = connection.createStatement()) {
            sql.execute("TRUNCATE crud.account");
            sql.execute("INSERT INTO crud.account (id, first_name, last_name, version) "
                    + "SELECT gen_random_uuid(), 'Bench', 'User ' || n, 0 FROM generate_series(1, " + count + ") n");
            sql.execute("VACUUM ANALYZE crud.account");
            try (ResultSet rows = sql.executeQuery("SELECT id FROM crud.account")) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /**
     * One rename of an account chosen at random, as the command load's: the client reads the
     * version from the answer, as it does from the command side's.
     */
    static ClosedLoop.Request rename(Settings settings, Http http, List<UUID> ids) {
        URI base = settings.crud();
        AtomicLong renames = new AtomicLong();
        return client -> {
            UUID id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            String body = "{\"firstName\":\"Bench\",\"lastName\":\"Renamed " + renames.incrementAndGet() + "\"}";
            String answer = http.expectOk(http.put(base.resolve("/accounts/" + id + "/name"), body),
                    "PUT /accounts/{id}/name").body();
            Json.requiredNumber(answer, "version");
        };
    }
}
