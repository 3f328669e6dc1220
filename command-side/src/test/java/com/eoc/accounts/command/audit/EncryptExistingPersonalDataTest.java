package com.eoc.accounts.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.auditproof.ChainedEvent;
import com.eoc.accounts.auditproof.Sha256;
import com.eoc.accounts.command.testing.MigratedDatabase;
import com.eoc.accounts.events.TokenDeleted;
import com.eoc.accounts.events.UserRenamed;
import com.eoc.accounts.platform.personaldata.DataKeys;
import com.eoc.accounts.platform.personaldata.PersonalDataSerializer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration 1.9 brings the events stored in plain text under encryption: their personal fields
 * read as before through the serializer, no longer in the rows; every event is linked again from
 * its payload as it now is; the checkpoints signed over the old links are kept apart.
 */
class EncryptExistingPersonalDataTest {

    @Test
    void theStoredNamesAreEncryptedAndTheEventsLinkedAgain() {
        MigratedDatabase database = new MigratedDatabase(new ChainExistingEvents(), new EncryptExistingPersonalData());
        JdbcClient jdbc = database.jdbc();
        database.migrateTo("1.8");
        UUID ada = UUID.randomUUID();
        UUID tokenId = UUID.randomUUID();
        append(jdbc, ada, 0, UserRenamed.class, "{\"accountId\":\"" + ada + "\",\"firstName\":\"Ada\","
                + "\"lastName\":\"Lovelace\"}");
        append(jdbc, ada, 1, TokenDeleted.class, "{\"accountId\":\"" + ada + "\",\"tokenId\":\"" + tokenId + "\"}");
        jdbc.sql("UPDATE eventstore.domain_event_entry SET chain_hash = ?").param(new byte[32]).update();
        jdbc.sql("INSERT INTO eventstore.checkpoint VALUES (2, 2, ?, now(), 'old', ?)")
                .params(new byte[32], new byte[64]).update();

        database.migrateTo("latest");

        List<byte[]> payloads = jdbc.sql("SELECT payload FROM eventstore.domain_event_entry ORDER BY sequence_number")
                .query(byte[].class).list();
        assertThat(new String(payloads.get(0), StandardCharsets.UTF_8)).doesNotContain("Ada\"", "Lovelace");
        PersonalDataSerializer serializer = new PersonalDataSerializer(Jackson3Serializer.builder().build(),
                () -> new DataKeys(jdbc));
        Object renamed = serializer.deserialize(new SimpleSerializedObject<>(payloads.get(0), byte[].class,
                new SimpleSerializedType(UserRenamed.class.getName(), "1")));
        assertThat(renamed).isEqualTo(new UserRenamed(ada, "Ada", "Lovelace"));
        byte[] previous = Sha256.none();
        for (int sequence = 0; sequence < 2; sequence++) {
            String type = (sequence == 0 ? UserRenamed.class : TokenDeleted.class).getName();
            byte[] expected = ChainedEvent.of(ada.toString(), sequence, type, "1", payloads.get(sequence),
                    "2026-10-01T00:00:0" + sequence + ".000Z", null, null).link(previous);
            assertThat(jdbc.sql("SELECT chain_hash FROM eventstore.domain_event_entry WHERE sequence_number = ?")
                    .param(sequence).query(byte[].class).single()).isEqualTo(expected);
            previous = expected;
        }
        assertThat(jdbc.sql("SELECT count(*) FROM eventstore.checkpoint").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT key_id FROM eventstore.superseded_checkpoint").query(String.class).list())
                .containsExactly("old");
    }

    private static void append(JdbcClient jdbc, UUID account, long sequence, Class<?> type, String payload) {
        jdbc.sql("""
                        INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, 'Account', ?, ?, '1', ?, NULL)""")
                .param(UUID.randomUUID().toString())
                .param(account.toString())
                .param(sequence)
                .param("2026-10-01T00:00:0" + sequence + ".000Z")
                .param(type.getName())
                .param(payload.getBytes(StandardCharsets.UTF_8))
                .update();
    }
}
