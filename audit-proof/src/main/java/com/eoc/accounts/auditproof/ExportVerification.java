package com.eoc.accounts.auditproof;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;

/**
 * Checks an exported history against the public key the auditor trusts, and names the first
 * event that fails: each event must follow the one before it (sequence numbers from 0, none
 * missing), hash to its stored link from the link before it, and, when the checkpoint covers it,
 * be in the checkpoint's tree; the checkpoint must be signed by that key. An event after the
 * checkpoint is not attested yet: the export fails until a later checkpoint covers it, since a
 * forger who wrote it with a recomputed link would pass every other check.
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
        byte[] previous = Sha256.NONE;
        long previousIndex = Long.MIN_VALUE;
        long previousLeaf = -1;
        for (int expected = 0; expected < events.size(); expected++) {
            HistoryExport.Event event = events.get(expected);
            String name = "event " + event.sequence() + " (global index " + event.globalIndex() + ", "
                    + simpleName(event.payloadType()) + ", " + event.occurredAt() + ")";
            if (event.sequence() > expected) {
                return failed("event " + expected + " is missing: the history goes from "
                        + (expected == 0 ? "its start" : "event " + (expected - 1)) + " to " + name);
            }
            if (event.sequence() < expected || event.globalIndex() <= previousIndex) {
                return failed(name + " is out of its place: it comes after event " + (expected - 1));
            }
            if (event.link() == null) {
                return failed(name + " has no chain link");
            }
            if (!event.payloadMatchesDigest()) {
                return failed(name + ": its payload does not match its digest");
            }
            byte[] link = event.chained(export.accountId()).link(previous);
            if (!Arrays.equals(link, Sha256.fromHex(event.link()))) {
                return failed(name + " does not match its chain link: it, or the link before it, was changed");
            }
            if (checkpoint == null || event.globalIndex() > checkpoint.position()) {
                return failed(name + " is not covered by a signed checkpoint"
                        + (checkpoint == null ? "" : " (the latest covers up to global index " + checkpoint.position() + ")")
                        + ": it was appended since, or forged. Export again after the next checkpoint.");
            }
            HistoryExport.Proof proof = event.proof();
            if (proof == null || proof.leafIndex() <= previousLeaf
                    || !MerkleTree.includes(checkpoint.rootDigest(), checkpoint.treeSize(), proof.leafIndex(), link,
                    proof.pathDigests())) {
                return failed(name + " is not in the log that the checkpoint at position " + checkpoint.position()
                        + " signed: it was written or changed after, with its link recomputed");
            }
            previous = link;
            previousIndex = event.globalIndex();
            previousLeaf = proof.leafIndex();
        }
        return new Result(true, "intact: " + events.size() + " events of account " + export.accountId()
                + ", each chained to the one before it and in the log signed at position " + checkpoint.position()
                + " (" + checkpoint.signedAt() + ", key " + checkpoint.keyId() + ")");
    }

    private static Result failed(String message) {
        return new Result(false, "NOT INTACT: " + message);
    }

    private static String simpleName(String type) {
        return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }
}
