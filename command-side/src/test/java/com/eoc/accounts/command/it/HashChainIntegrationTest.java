package com.eoc.accounts.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.auditproof.Checkpoint;
import com.eoc.accounts.auditproof.ChainedEvent;
import com.eoc.accounts.auditproof.MerkleTree;
import com.eoc.accounts.auditproof.Sha256;
import com.eoc.accounts.auditproof.SigningKeys;
import com.eoc.accounts.platform.eventstore.AuditedMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each event is stored with its link in its account's hash chain, computed from the row as stored;
 * a checkpoint signs the Merkle tree of every link up to the event store's head, with the key that
 * {@code /api/audit/public-key} publishes.
 */
class HashChainIntegrationTest extends LocalRunTest {

    @Test
    void eachEventIsLinkedToThePreviousOneOfItsAccountAsStored() {
        String account = register();
        assertThat(owner(account).put("/api/accounts/" + account + "/name",
                "{\"firstName\":\"Chain\",\"lastName\":\"Linked\"}", null).status()).isEqualTo(200);
        generateToken(account);

        List<byte[]> stored = jdbc.sql("SELECT chain_hash FROM eventstore.domain_event_entry"
                        + " WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(account)
                .query((row, i) -> row.getBytes(1))
                .list();

        assertThat(stored).hasSize(3);
        byte[] previous = Sha256.none();
        for (int sequence = 0; sequence < stored.size(); sequence++) {
            previous = relink(account, sequence, previous);
            assertThat(stored.get(sequence)).as("event %d's link, recomputed from its row", sequence)
                    .isEqualTo(previous);
        }
    }

    /**
     * Another node's event (appended here behind this node's cache) is what this node's next
     * command links on from: the cached account is found stale, read again, and its new event
     * follows the link of the newest row, as read with the account's version.
     */
    @Test
    void aCommandAfterAnotherNodesWriteLinksOnFromThatWrite() {
        String account = register();
        assertThat(owner(account).put("/api/accounts/" + account + "/name",
                "{\"firstName\":\"Cached\",\"lastName\":\"Here\"}", null).status()).isEqualTo(200);
        renameBehindTheCache(account, 2, "Written", "Elsewhere");

        assertThat(owner(account).put("/api/accounts/" + account + "/name",
                "{\"firstName\":\"Back\",\"lastName\":\"Here\"}", null).header("ETag")).isEqualTo("\"3\"");

        byte[] previous = Sha256.none();
        for (int sequence = 0; sequence <= 3; sequence++) {
            previous = relink(account, sequence, previous);
            assertThat(storedLink(account, sequence)).as("event %d's link, recomputed from its row", sequence)
                    .isEqualTo(previous);
        }
    }

    @Test
    void aCheckpointSignsTheTreeOfEveryLinkUpToTheHead() {
        register();
        long head = jdbc.sql("SELECT max(global_index) FROM eventstore.domain_event_entry").query(Long.class).single();

        Http.Reply signed = admin.post("/api/audit/checkpoints", "");

        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        Checkpoint checkpoint = new Checkpoint(signed.json().get("position").asLong(),
                signed.json().get("treeSize").asLong(), signed.json().get("root").asString(),
                Instant.parse(signed.json().get("signedAt").asString()), signed.json().get("keyId").asString(),
                signed.json().get("signature").asString());
        assertThat(checkpoint.position()).isGreaterThanOrEqualTo(head);
        List<byte[]> links = jdbc.sql("SELECT chain_hash FROM eventstore.domain_event_entry WHERE global_index <= ?"
                        + " ORDER BY global_index")
                .param(checkpoint.position())
                .query((row, i) -> MerkleTree.entry(row.getBytes(1)))
                .list();
        assertThat(checkpoint.treeSize()).isEqualTo(links.size());
        assertThat(checkpoint.root()).isEqualTo(Sha256.hex(MerkleTree.of(links).root()));

        Http.Reply key = anonymous.get("/api/audit/public-key");
        assertThat(key.status()).isEqualTo(200);
        assertThat(checkpoint.isSignedBy(SigningKeys.readPublic(key.body()))).isTrue();
        assertThat(checkpoint.isSignedBy(SigningKeys.generate().getPublic())).isFalse();

        Http.Reply again = admin.post("/api/audit/checkpoints", "");
        assertThat(again.json().get("position").asLong()).as("nothing appended since: the same checkpoint")
                .isEqualTo(checkpoint.position());
        assertThat(again.json().get("signature").asString()).isEqualTo(checkpoint.signature());
    }

    @Test
    void onlyAnAdministratorAsksForACheckpoint() {
        assertThat(anonymous.post("/api/audit/checkpoints", "").status()).isEqualTo(401);
        assertThat(as("an-auditor", "auditor").post("/api/audit/checkpoints", "").status()).isEqualTo(403);
        String account = register();
        assertThat(owner(account).post("/api/audit/checkpoints", "").status()).isEqualTo(403);
    }

    private byte[] storedLink(String account, long sequence) {
        return jdbc.sql("SELECT chain_hash FROM eventstore.domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = ?")
                .param(account).param(sequence)
                .query(byte[].class)
                .single();
    }

    private byte[] relink(String account, long sequence, byte[] previous) {
        return jdbc.sql("SELECT aggregate_identifier, sequence_number, payload_type, payload_revision, payload,"
                        + " time_stamp, meta_data FROM eventstore.domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = ?")
                .param(account).param(sequence)
                .query((row, i) -> chained(row).link(previous))
                .single();
    }

    private static ChainedEvent chained(ResultSet row) throws SQLException {
        AuditedMetaData metaData = AuditedMetaData.of(row.getBytes("meta_data"));
        return ChainedEvent.of(row.getString("aggregate_identifier"), row.getLong("sequence_number"),
                row.getString("payload_type"), row.getString("payload_revision"), row.getBytes("payload"),
                row.getString("time_stamp"), metaData.actor(), metaData.correlationId());
    }
}
