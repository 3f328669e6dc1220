package com.eoc.accounts.query.admin;

import jakarta.annotation.Nullable;

/**
 * One segment of a processor as the token table has it, whichever node works on it.
 *
 * @param segment  the segment's id
 * @param owner    the node that claimed it last ({@code accounts.processors.node-name}); null once
 *                 released
 * @param claimed  the owner's claim is live: renewed within the claim timeout. An owner with a
 *                 lapsed claim is gone or stuck, and the segment waits for another node to take it.
 * @param position the position stored for the segment: the global index of the last event it
 *                 handled or skipped; null before the first event
 */
record SegmentClaim(int segment, @Nullable String owner, boolean claimed, @Nullable Long position) {
}
