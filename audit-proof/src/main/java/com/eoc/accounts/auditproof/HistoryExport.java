package com.eoc.accounts.auditproof;

import jakarta.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * An account's history as an auditor downloads it ({@code GET /api/accounts/{id}/history/export}):
 * each event as stored with its chain link and, when the latest checkpoint covers it, the proof
 * that it is in that checkpoint's tree. What {@link ExportVerification} checks, offline.
 *
 * @param format     {@value #FORMAT}
 * @param accountId  the account
 * @param exportedAt when the service wrote it
 * @param events     every event of the account, in sequence order
 * @param checkpoint the latest signed checkpoint when exported, or {@code null} before the first
 */
public record HistoryExport(String format, String accountId, Instant exportedAt, List<Event> events,
                            @Nullable Checkpoint checkpoint) {

    public static final String FORMAT = "eoc-accounts/history-export/1";

    /**
     * One event as stored.
     *
     * @param globalIndex   its position in the whole event store
     * @param sequence      its sequence number in the account
     * @param payloadType   the payload's type
     * @param revision      the payload's revision, or {@code null}
     * @param occurredAt    its timestamp as stored
     * @param actor         who issued its command, or {@code null}
     * @param correlationId the request that caused it, or {@code null}
     * @param payload       the payload as stored (JSON text), or {@code null} when it holds a credential
     *                      (a token's hash), which an export leaves out; the digest still covers it
     * @param payloadSha256 SHA-256 of the payload's bytes, hexadecimal
     * @param link          its chain link as stored, hexadecimal, or {@code null} if it has none
     * @param proof         its place in the checkpoint's tree, or {@code null} if the checkpoint does not cover it
     */
    public record Event(long globalIndex, long sequence, String payloadType, @Nullable String revision,
                        String occurredAt, @Nullable String actor, @Nullable String correlationId,
                        @Nullable String payload, String payloadSha256, @Nullable String link, @Nullable Proof proof) {

        /** What the chain link covers, from what the export says. */
        ChainedEvent chained(String accountId) {
            return new ChainedEvent(accountId, sequence, payloadType, revision, Sha256.fromHex(payloadSha256),
                    occurredAt, actor, correlationId);
        }

        boolean payloadMatchesDigest() {
            return payload == null
                    || Sha256.hex(Sha256.of(payload.getBytes(StandardCharsets.UTF_8))).equals(payloadSha256);
        }
    }

    /**
     * An inclusion proof in the checkpoint's tree (RFC 9162, 2.1.3).
     *
     * @param leafIndex the event's index among the tree's leaves
     * @param path      the audit path, hexadecimal, from the leaf's sibling up
     */
    public record Proof(long leafIndex, List<String> path) {

        List<byte[]> pathDigests() {
            return path.stream().map(Sha256::fromHex).toList();
        }
    }
}
