package com.eoc.accounts.auditproof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The verifier on exports made in memory, as the service makes them, then changed as a forger would. */
class ExportVerificationTest {

    private static final KeyPair KEY = SigningKeys.generate();
    private static final String ACCOUNT = "9b1c4a3e-0000-4000-8000-000000000001";
    private static final long ALL = Long.MAX_VALUE;

    @Test
    void anUntouchedExportIsIntact() {
        ExportVerification.Result result = ExportVerification.verify(export(4, ALL), KEY.getPublic());
        assertThat(result.intact()).as(result.message()).isTrue();
        assertThat(result.message()).startsWith("intact: 4 events of account " + ACCOUNT);
    }

    @Test
    void aChangedPayloadIsNamed() {
        HistoryExport export = changeEvent(export(4, ALL), 2, e -> withPayload(e, "{\"name\":\"Mallory\"}"));
        assertFails(export, "event 2 (global index");
        assertFails(export, "does not match its chain link");
    }

    @Test
    void aChangedActorIsNamed() {
        HistoryExport export = changeEvent(export(4, ALL), 1, e -> new HistoryExport.Event(e.globalIndex(), e.sequence(),
                e.payloadType(), e.revision(), e.occurredAt(), "mallory", e.correlationId(), e.payload(),
                e.payloadSha256(), e.link(), e.proof()));
        assertFails(export, "event 1 (global index");
    }

    @Test
    void aDeletedEventIsNamed() {
        HistoryExport export = export(4, ALL);
        List<HistoryExport.Event> events = new ArrayList<>(export.events());
        events.remove(2);
        assertFails(withEvents(export, events), "event 2 is missing");
    }

    @Test
    void twoSwappedEventsAreNamed() {
        HistoryExport export = export(4, ALL);
        List<HistoryExport.Event> events = new ArrayList<>(export.events());
        HistoryExport.Event one = events.get(1);
        HistoryExport.Event two = events.get(2);
        // their sequence numbers swapped in the table: each now sits in the other's place
        events.set(1, renumber(two, 1));
        events.set(2, renumber(one, 2));
        assertFails(withEvents(export, events), "event 1 (global index");
    }

    @Test
    void anEventAfterTheCheckpointIsNotAttested() {
        HistoryExport export = export(4, 10);
        assertFails(export, "event 3 (global index");
        assertFails(export, "is not covered by a signed checkpoint");
    }

    @Test
    void anEventForgedBeneathTheCheckpointWithARecomputedLinkIsNamed() {
        HistoryExport export = export(4, ALL);
        HistoryExport.Event real = export.events().get(3);
        byte[] previous = Sha256.fromHex(export.events().get(2).link());
        String payload = "{\"name\":\"Forged\"}";
        ChainedEvent forged = ChainedEvent.of(ACCOUNT, 3, real.payloadType(), real.revision(),
                payload.getBytes(StandardCharsets.UTF_8), real.occurredAt(), real.actor(), real.correlationId());
        HistoryExport changed = changeEvent(export, 3, e -> new HistoryExport.Event(e.globalIndex(), e.sequence(),
                e.payloadType(), e.revision(), e.occurredAt(), e.actor(), e.correlationId(), payload,
                Sha256.hex(Sha256.of(payload.getBytes(StandardCharsets.UTF_8))), Sha256.hex(forged.link(previous)),
                e.proof()));
        assertFails(changed, "event 3 (global index");
        assertFails(changed, "is not in the log that the checkpoint");
    }

    @Test
    void aCheckpointSignedByAnotherKeyFails() {
        ExportVerification.Result result = ExportVerification.verify(export(2, ALL), SigningKeys.generate().getPublic());
        assertThat(result.intact()).isFalse();
        assertThat(result.message()).contains("is not signed by the trusted key");
    }

    @Test
    void aCheckpointWithAChangedRootFails() {
        HistoryExport export = export(2, ALL);
        Checkpoint c = export.checkpoint();
        Checkpoint changed = new Checkpoint(c.position(), c.treeSize(), Sha256.hex(Sha256.of(new byte[] {7})),
                c.signedAt(), c.keyId(), c.signature());
        HistoryExport forged = new HistoryExport(export.format(), export.accountId(), export.exportedAt(),
                export.events(), changed);
        assertThat(ExportVerification.verify(forged, KEY.getPublic()).intact()).isFalse();
    }

    static PublicKey key() {
        return KEY.getPublic();
    }

    private static void assertFails(HistoryExport export, String expected) {
        ExportVerification.Result result = ExportVerification.verify(export, KEY.getPublic());
        assertThat(result.intact()).as(result.message()).isFalse();
        assertThat(result.message()).startsWith("NOT INTACT: ").contains(expected);
    }

    /**
     * A log of 3 events per account round, the account's events at every third place (global
     * indexes 1, 4, 7…), a checkpoint over the first {@code covered} global indexes.
     */
    static HistoryExport export(int count, long covered) {
        List<byte[]> log = new ArrayList<>();
        List<HistoryExport.Event> events = new ArrayList<>();
        List<Integer> leaves = new ArrayList<>();
        byte[] previous = Sha256.none();
        long globalIndex = 0;
        for (int sequence = 0; sequence < count; sequence++) {
            log.add(Sha256.of(("other " + globalIndex).getBytes(StandardCharsets.UTF_8)));
            globalIndex++;
            String payload = "{\"name\":\"Name " + sequence + "\"}";
            ChainedEvent chained = ChainedEvent.of(ACCOUNT, sequence, "com.eoc.accounts.events.UserRenamed", "1",
                    payload.getBytes(StandardCharsets.UTF_8), "2026-12-03T10:00:0" + sequence + "Z", "alice",
                    "corr-" + sequence);
            byte[] link = chained.link(previous);
            previous = link;
            globalIndex++;
            leaves.add(log.size());
            log.add(link);
            events.add(new HistoryExport.Event(globalIndex, sequence, chained.payloadType(), "1", chained.occurredAt(),
                    "alice", "corr-" + sequence, payload, Sha256.hex(chained.payloadSha256()), Sha256.hex(link), null));
            log.add(Sha256.of(("another " + globalIndex).getBytes(StandardCharsets.UTF_8)));
            globalIndex++;
        }
        int treeSize = (int) Math.min(covered, log.size());
        MerkleTree tree = MerkleTree.of(log.subList(0, treeSize));
        Checkpoint checkpoint = Checkpoint.sign(treeSize, treeSize, tree.root(), Instant.parse("2026-12-03T11:00:00Z"),
                KEY.getPrivate(), SigningKeys.keyId(KEY.getPublic()));
        List<HistoryExport.Event> proven = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            HistoryExport.Event e = events.get(i);
            int leaf = leaves.get(i);
            HistoryExport.Proof proof = leaf < treeSize
                    ? new HistoryExport.Proof(leaf, tree.inclusionProof(leaf).stream().map(Sha256::hex).toList())
                    : null;
            proven.add(new HistoryExport.Event(e.globalIndex(), e.sequence(), e.payloadType(), e.revision(),
                    e.occurredAt(), e.actor(), e.correlationId(), e.payload(), e.payloadSha256(), e.link(), proof));
        }
        return new HistoryExport(HistoryExport.FORMAT, ACCOUNT, Instant.now(), proven, checkpoint);
    }

    private static HistoryExport changeEvent(HistoryExport export, int index, UnaryOperator<HistoryExport.Event> change) {
        List<HistoryExport.Event> events = new ArrayList<>(export.events());
        events.set(index, change.apply(events.get(index)));
        return withEvents(export, events);
    }

    private static HistoryExport withEvents(HistoryExport export, List<HistoryExport.Event> events) {
        return new HistoryExport(export.format(), export.accountId(), export.exportedAt(), events, export.checkpoint());
    }

    /** The payload changed in the table: the service's export gives its new digest, the link stays. */
    private static HistoryExport.Event withPayload(HistoryExport.Event e, String payload) {
        return new HistoryExport.Event(e.globalIndex(), e.sequence(), e.payloadType(), e.revision(), e.occurredAt(),
                e.actor(), e.correlationId(), payload, Sha256.hex(Sha256.of(payload.getBytes(StandardCharsets.UTF_8))),
                e.link(), e.proof());
    }

    private static HistoryExport.Event renumber(HistoryExport.Event e, long sequence) {
        return new HistoryExport.Event(e.globalIndex(), sequence, e.payloadType(), e.revision(), e.occurredAt(),
                e.actor(), e.correlationId(), e.payload(), e.payloadSha256(), e.link(), e.proof());
    }
}
