package com.eoc.accounts.auditproof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainedEventTest {

    private static final byte[] PAYLOAD = "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8);
    private static final ChainedEvent EVENT = ChainedEvent.of("a1", 3, "com.eoc.accounts.events.UserRenamed", "1",
            PAYLOAD, "2026-12-03T10:00:00Z", "alice", "corr-1");

    @Test
    void theLinkDependsOnEveryFieldAndOnThePreviousLink() {
        byte[] link = EVENT.link(Sha256.none());
        List<ChainedEvent> changed = List.of(
                ChainedEvent.of("a2", 3, "com.eoc.accounts.events.UserRenamed", "1", PAYLOAD, "2026-12-03T10:00:00Z", "alice", "corr-1"),
                ChainedEvent.of("a1", 4, "com.eoc.accounts.events.UserRenamed", "1", PAYLOAD, "2026-12-03T10:00:00Z", "alice", "corr-1"),
                ChainedEvent.of("a1", 3, "com.eoc.accounts.events.EmailChanged", "1", PAYLOAD, "2026-12-03T10:00:00Z", "alice", "corr-1"),
                ChainedEvent.of("a1", 3, "com.eoc.accounts.events.UserRenamed", null, PAYLOAD, "2026-12-03T10:00:00Z", "alice", "corr-1"),
                ChainedEvent.of("a1", 3, "com.eoc.accounts.events.UserRenamed", "1", "{\"name\":\"Adb\"}".getBytes(StandardCharsets.UTF_8), "2026-12-03T10:00:00Z", "alice", "corr-1"),
                ChainedEvent.of("a1", 3, "com.eoc.accounts.events.UserRenamed", "1", PAYLOAD, "2026-12-03T10:00:01Z", "alice", "corr-1"),
                ChainedEvent.of("a1", 3, "com.eoc.accounts.events.UserRenamed", "1", PAYLOAD, "2026-12-03T10:00:00Z", "mallory", "corr-1"),
                ChainedEvent.of("a1", 3, "com.eoc.accounts.events.UserRenamed", "1", PAYLOAD, "2026-12-03T10:00:00Z", null, "corr-1"),
                ChainedEvent.of("a1", 3, "com.eoc.accounts.events.UserRenamed", "1", PAYLOAD, "2026-12-03T10:00:00Z", "alice", "corr-2"));
        for (ChainedEvent other : changed) {
            assertThat(other.link(Sha256.none())).as(other.toString()).isNotEqualTo(link);
        }
        assertThat(EVENT.link(Sha256.of(new byte[] {1}))).isNotEqualTo(link);
        assertThat(EVENT.link(Sha256.none())).isEqualTo(link);
    }

    @Test
    void anEmptyTextIsNotAnAbsentOne() {
        ChainedEvent empty = ChainedEvent.of("a1", 3, "T", "", PAYLOAD, "2026-12-03T10:00:00Z", "", "");
        ChainedEvent absent = ChainedEvent.of("a1", 3, "T", null, PAYLOAD, "2026-12-03T10:00:00Z", null, null);
        assertThat(empty.link(Sha256.none())).isNotEqualTo(absent.link(Sha256.none()));
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        ChainedEvent one = ChainedEvent.of("a1", 3, "T", "1", PAYLOAD, "t", "ab", "c");
        ChainedEvent two = ChainedEvent.of("a1", 3, "T", "1", PAYLOAD, "t", "a", "bc");
        assertThat(one.link(Sha256.none())).isNotEqualTo(two.link(Sha256.none()));
    }
}
