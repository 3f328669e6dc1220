package com.eoc.accounts.query.admin;

import jakarta.annotation.Nullable;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;

/**
 * One event processor as {@code GET /api/admin/processors} shows it. Positions are global indexes
 * of the event store ({@code eventstore.domain_event_entry.global_index}): without gaps, the
 * number of events read so far.
 *
 * @param name            the processor's name, which is its processing group's
 * @param position        the furthest position reached over the segments this node works on; null
 *                        before the first event
 * @param caughtUp        every segment this node works on has reached the head of the stream since
 *                        it was claimed (Axon's flag, which then stays set while it follows new events)
 * @param replaying       a segment has not yet re-read all the events it had handled before a reset
 * @param progress        while replaying: how far the slowest segment has got, of the position the
 *                        replay runs up to; null otherwise
 * @param segments        into how many segments the processor splits the stream (all nodes)
 * @param claimedSegments how many of them this node works on
 * @param head            the newest position in the event store
 * @param deadLetters     events parked in the processor's dead-letter queue
 * @param failing         a segment is retrying a batch that failed (the database, for instance)
 * @param node            the name of the node that answers, which the token table gives as the owner
 *                        of the segments it works on
 * @param claims          every segment of the processor, with the node that holds it (this one or
 *                        another) and its stored position
 */
record ProcessorStatus(String name, @Nullable Long position, boolean caughtUp, boolean replaying,
                       @Nullable ReplayProgress progress, int segments, int claimedSegments, long head,
                       long deadLetters, boolean failing, String node, List<SegmentClaim> claims) {

    /** Events done of the events to replay, for the slowest segment. */
    record ReplayProgress(long done, long total) {
    }

    static ProcessorStatus of(String name, List<SegmentClaim> segments, Collection<EventTrackerStatus> claimed,
                              long head, long deadLetters, String node) {
        OptionalLong position = claimed.stream().map(EventTrackerStatus::getCurrentPosition)
                .flatMapToLong(OptionalLong::stream).max();
        boolean caughtUp = !claimed.isEmpty() && claimed.stream().allMatch(EventTrackerStatus::isCaughtUp);
        boolean replaying = claimed.stream().anyMatch(ProcessorStatus::replaying);
        boolean failing = claimed.stream().anyMatch(EventTrackerStatus::isErrorState);
        return new ProcessorStatus(name, position.isPresent() ? position.getAsLong() : null, caughtUp, replaying,
                replaying ? progress(claimed, head) : null, segments.size(), claimed.size(), head, deadLetters, failing,
                node, List.copyOf(segments));
    }

    /**
     * A replay ends where the stream's head was when it was reset; events appended since are new
     * ones. Axon goes on marking the segment's token as a replay until the first of those arrives,
     * however long that takes, so a segment that has reached its reset position counts as done.
     */
    private static boolean replaying(EventTrackerStatus segment) {
        return segment.isReplaying() && segment.getCurrentPosition().orElse(0)
                < segment.getResetPosition().orElse(Long.MAX_VALUE);
    }

    /** Every segment reads the whole stream, so the slowest one tells how far the replay has got. */
    private static ReplayProgress progress(Collection<EventTrackerStatus> claimed, long head) {
        long total = claimed.stream().filter(ProcessorStatus::replaying)
                .map(EventTrackerStatus::getResetPosition).flatMapToLong(OptionalLong::stream).max().orElse(head);
        long done = claimed.stream().filter(ProcessorStatus::replaying)
                .mapToLong(segment -> segment.getCurrentPosition().orElse(0)).min().orElse(total);
        return new ReplayProgress(Math.min(done, total), total);
    }

    /** A processor that is not streaming handles each event as it is published: it has no position. */
    static ProcessorStatus notStreaming(String name, long head, long deadLetters, String node) {
        return new ProcessorStatus(name, null, true, false, null, 0, 0, head, deadLetters, false, node, List.of());
    }
}
