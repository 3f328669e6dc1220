package com.eoc.accounts.auditproof;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;

/**
 * Checks an exported history against the public key the auditor trusts, and names the first
 * event that fails. The checkpoint must be signed by that key. Then the chain, event by event:
 * each must follow the one before it (sequence numbers from 0, none missing) and hash to its
 * stored link from the link before it. Then the attestation: each event must be covered by the
 * checkpoint and be in its tree. An event after the checkpoint is not attested yet: the export
 * fails until a later checkpoint covers it, since a forger who wrote it with a recomputed link
 * would pass every other check.
 */
public final class ExportVerification {

    /** The outcome: intact, or the first failure and the event it names. */
    public record Result(boolean intact, String message) {
    }

    private ExportVerification() {
    }

    public static Result verify(HistoryExport export, PublicKey trusted) {
        if (!HistoryExport.FORMAT.equals(export.format())) {
            return failed("this is not a history export of format " + HistoryExport.FORMAT + ": " + export.format());
        }
        Checkpoint checkpoint = export.checkpoint();
        if (checkpoint != null && !checkpoint.isSignedBy(trusted)) {
            return failed("the checkpoint at position " + checkpoint.position() + " is not signed by the trusted key "
                    + SigningKeys.keyId(trusted) + " (it names key " + checkpoint.keyId() + ")");
        }
        List<HistoryExport.Event> events = export.events();
        if (events == null || events.isEmpty()) {
            return failed("the export holds no events");
        }
        Result chain = chain(export.accountId(), events);
        if (chain != null) {
            return chain;
        }
        Result attested = attested(events, checkpoint);
        if (attested != null) {
            return attested;
        }
        return new Result(true, "intact: " + events.size() + " events of account " + export.accountId()
                + ", each chained to the one before it and in the log signed at position " + checkpoint.position()
                + " (" + checkpoint.signedAt() + ", key " + checkpoint.keyId() + ")");
    }

    /** The first event that does not follow the one before it, or does not hash to its link; null if none. */
    private static Result chain(String accountId, List<HistoryExport.Event> events) {
        byte[] previous = Sha256.none();
        long previousIndex = Long.MIN_VALUE;
        for (int expected = 0; expected < events.size(); expected++) {
            HistoryExport.Event event = events.get(expected);
            if (event.sequence() > expected) {
                return failed("event " + expected + " is missing: the history goes from "
                        + (expected == 0 ? "its start" : "event " + (expected - 1)) + " to " + name(event));
            }
            if (event.sequence() < expected || event.globalIndex() <= previousIndex) {
                return failed(name(event) + " is out of its place: it comes after event " + (expected - 1));
            }
            if (event.link() == null) {
                return failed(name(event) + " has no chain link");
            }
            if (!event.payloadMatchesDigest()) {
                return failed(name(event) + ": its payload does not match its digest");
            }
            byte[] link = event.chained(accountId).link(previous);
            if (!Arrays.equals(link, Sha256.fromHex(event.link()))) {
                return failed(name(event) + " does not match its chain link: it, or the link before it, was changed");
            }
            previous = link;
            previousIndex = event.globalIndex();
        }
        return null;
    }

    /**
     * The first event that the checkpoint does not cover, or whose proof does not lead to its
     * root; null if none. The proofs are computed from the log as it is now: if any event beneath
     * the checkpoint was rewritten with its link recomputed, or removed, they fail from the first
     * event on, whoever's event it was.
     */
    private static Result attested(List<HistoryExport.Event> events, Checkpoint checkpoint) {
        long previousLeaf = -1;
        for (HistoryExport.Event event : events) {
            if (checkpoint == null || event.globalIndex() > checkpoint.position()) {
                return failed(name(event) + " is not covered by a signed checkpoint"
                        + (checkpoint == null ? "" : " (the latest covers up to global index " + checkpoint.position() + ")")
                        + ": it was appended since, or forged. Export again after the next checkpoint.");
            }
            HistoryExport.Proof proof = event.proof();
            if (proof == null || proof.leafIndex() <= previousLeaf
                    || !MerkleTree.includes(checkpoint.rootDigest(), checkpoint.treeSize(), proof.leafIndex(),
                    Sha256.fromHex(event.link()), proof.pathDigests())) {
                return failed(name(event) + " is not in the log that the checkpoint at position " + checkpoint.position()
                        + " signed: it, or an event beneath that position (of this account or another), was rewritten"
                        + " with its link recomputed or removed after the checkpoint was signed");
            }
            previousLeaf = proof.leafIndex();
        }
        return null;
    }

    private static String name(HistoryExport.Event event) {
        return "event " + event.sequence() + " (global index " + event.globalIndex() + ", "
                + simpleName(event.payloadType()) + ", " + event.occurredAt() + ")";
    }

    private static Result failed(String message) {
        return new Result(false, "NOT INTACT: " + message);
    }

    private static String simpleName(String type) {
        return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }
}
