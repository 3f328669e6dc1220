package com.eoc.accounts.query.history;

import com.eoc.accounts.auditproof.Checkpoint;
import com.eoc.accounts.auditproof.HistoryExport;
import com.eoc.accounts.auditproof.MerkleTree;
import com.eoc.accounts.auditproof.Sha256;
import com.eoc.accounts.platform.eventstore.AuditedMetaData;
import com.eoc.accounts.platform.eventstore.StoredCheckpoints;
import com.eoc.accounts.query.account.AccountNotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's history for offline verification ({@link HistoryExport}): its events as the rows
 * store them, with their chain links, and the latest checkpoint with each covered event's proof
 * that it is in that checkpoint's tree. The rows are read as they are, not through Axon: a
 * changed row must show as changed.
 *
 * <p>A proof needs the tree, so the chain link of every event up to the checkpoint is read: one
 * pass over an index of 40 bytes per event (docs/decisions/0014 has the figures and the way on
 * when that grows too long).
 */
@Component
class HistoryExporter {

    private static final Logger log = LoggerFactory.getLogger(HistoryExporter.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    HistoryExporter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** In one snapshot of the database, so that the rows and the tree agree. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public HistoryExport export(UUID accountId) {
        List<Row> rows = jdbc.query("SELECT global_index, sequence_number, payload_type, payload_revision, time_stamp,"
                + " payload, meta_data, chain_hash FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number, global_index", (row, i) -> new Row(row.getLong(1), row.getLong(2),
                row.getString(3), row.getString(4), row.getString(5), row.getBytes(6), row.getBytes(7), row.getBytes(8)),
                accountId.toString());
        if (rows.isEmpty()) {
            throw new AccountNotFoundException(accountId);
        }
        Checkpoint checkpoint = StoredCheckpoints.latest(jdbc).orElse(null);
        SignedLog signed = checkpoint != null && rows.stream().anyMatch(row -> row.globalIndex <= checkpoint.position())
                ? SignedLog.upTo(jdbc, checkpoint) : null;
        List<HistoryExport.Event> events = rows.stream().map(row -> row.exported(signed)).toList();
        return new HistoryExport(HistoryExport.FORMAT, accountId.toString(), clock.instant(), events, checkpoint);
    }

    private record Row(long globalIndex, long sequence, String payloadType, String revision, String occurredAt,
                       byte[] payload, byte[] metaData, byte[] link) {

        HistoryExport.Event exported(SignedLog signed) {
            AuditedMetaData audited = AuditedMetaData.of(metaData);
            HistoryExport.Proof proof = signed == null ? null : signed.proof(globalIndex);
            return new HistoryExport.Event(globalIndex, sequence, payloadType, revision, occurredAt, audited.actor(),
                    audited.correlationId(),
                    AuditedData.holdsACredential(payloadType) ? null : new String(payload, StandardCharsets.UTF_8),
                    Sha256.hex(Sha256.of(payload)), link == null ? null : Sha256.hex(link), proof);
        }
    }

    /** The log's tree up to a checkpoint, and where each event is among its leaves. */
    private record SignedLog(long position, long[] globalIndexes, MerkleTree tree) {

        static SignedLog upTo(JdbcTemplate jdbc, Checkpoint checkpoint) {
            List<byte[]> entries = new ArrayList<>();
            LongStream.Builder globalIndexes = LongStream.builder();
            StoredCheckpoints.entriesUpTo(jdbc, checkpoint.position(), (globalIndex, entry) -> {
                globalIndexes.add(globalIndex);
                entries.add(entry);
            });
            if (entries.size() != checkpoint.treeSize()) {
                log.warn("The event log up to the checkpoint at {} now holds {} events where it held {}:"
                        + " events were removed or added beneath it", checkpoint.position(), entries.size(),
                        checkpoint.treeSize());
            }
            return new SignedLog(checkpoint.position(), globalIndexes.build().toArray(), MerkleTree.of(entries));
        }

        HistoryExport.Proof proof(long globalIndex) {
            int leaf = globalIndex <= position ? Arrays.binarySearch(globalIndexes, globalIndex) : -1;
            if (leaf < 0) {
                return null;
            }
            return new HistoryExport.Proof(leaf, tree.inclusionProof(leaf).stream().map(Sha256::hex).toList());
        }
    }
}
