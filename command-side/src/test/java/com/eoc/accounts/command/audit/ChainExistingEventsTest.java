package com.eoc.accounts.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.auditproof.ChainedEvent;
import com.eoc.accounts.auditproof.Sha256;
import com.eoc.accounts.command.testing.MigratedDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration 1.4 links the events that were written before the hash chain, account by account in
 * sequence order, exactly as the command side links a new event; and it is recorded, so it runs once.
 */
class ChainExistingEventsTest {

    @Test
    void linksEachAccountsEventsInOrderAsTheCommandSideWould() {
        MigratedDatabase database = new MigratedDatabase(new ChainExistingEvents());
        JdbcClient jdbc = database.jdbc();
        database.migrateTo("1.3");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // interleaved in the log, as accounts' events are
        append(jdbc, first, 0, "{\"actor\":\"admin\",\"correlationId\":\"c-1\"}");
        append(jdbc, second, 0, "{}");
        append(jdbc, first, 1, "{\"actor\":\"" + first + "\",\"correlationId\":\"c-2\",\"traceparent\":\"x\"}");
        append(jdbc, second, 1, null);

        database.migrateTo("latest");

        // what auditors rely on from each event's metadata: its actor and correlation id, if it has them
        Map<UUID, List<String[]>> audited = Map.of(
                first, List.of(new String[] {"admin", "c-1"}, new String[] {first.toString(), "c-2"}),
                second, List.of(new String[] {null, null}, new String[] {null, null}));
        for (UUID account : List.of(first, second)) {
            byte[] previous = Sha256.none();
            for (int sequence = 0; sequence < 2; sequence++) {
                String[] metaData = audited.get(account).get(sequence);
                byte[] expected = ChainedEvent.of(account.toString(), sequence, "com.eoc.accounts.events.UserRenamed",
                        "1", payload(account, sequence).getBytes(StandardCharsets.UTF_8), timestamp(sequence),
                        metaData[0], metaData[1]).link(previous);
                byte[] stored = jdbc.sql("SELECT chain_hash FROM eventstore.domain_event_entry"
                                + " WHERE aggregate_identifier = ? AND sequence_number = ?")
                        .param(account.toString()).param(sequence).query(byte[].class).single();
                assertThat(stored).as("%s event %d", account, sequence).isEqualTo(expected);
                previous = expected;
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM command_side.flyway_schema_history WHERE version = '1.4' AND success")
                .query(Long.class).single()).isEqualTo(1);
    }

    private static String payload(UUID account, long sequence) {
        return "{\"accountId\":\"" + account + "\",\"firstName\":\"Name\",\"lastName\":\"" + sequence + "\"}";
    }

    private static String timestamp(long sequence) {
        return "2026-10-01T00:00:0" + sequence + ".000Z";
    }

    private static void append(JdbcClient jdbc, UUID account, long sequence, String metaData) {
        jdbc.sql("""
                        INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, 'Account', ?, 'com.eoc.accounts.events.UserRenamed', '1', ?, ?)""")
                .param(UUID.randomUUID().toString())
                .param(account.toString())
                .param(sequence)
                .param(timestamp(sequence))
                .param(payload(account, sequence).getBytes(StandardCharsets.UTF_8))
                .param(metaData == null ? null : metaData.getBytes(StandardCharsets.UTF_8))
                .update();
    }
}
