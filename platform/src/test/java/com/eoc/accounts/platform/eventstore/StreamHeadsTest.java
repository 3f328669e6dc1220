package com.eoc.accounts.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.auditproof.Sha256;
import java.util.Arrays;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/** A kept link is handed out only for the event it belongs to, and only within its unit of work. */
class StreamHeadsTest {

    private static final byte[] LINK = Sha256.of(new byte[] {1, 2, 3});

    @Test
    void theLinkOfTheNewestEventIsHandedOutForThatEventOnly() {
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        try {
            StreamHeads.keep("account-1", 5, LINK);

            assertThat(StreamHeads.keptLink("account-1", 5)).isEqualTo(LINK);
            assertThat(StreamHeads.keptLink("account-1", 4)).as("an older event's link is read").isNull();
            assertThat(StreamHeads.keptLink("account-1", 6)).isNull();
            assertThat(StreamHeads.keptLink("account-2", 5)).as("another account's").isNull();
        } finally {
            command.rollback();
        }
    }

    @Test
    void aNestedUnitOfWorkSeesTheLinkItsCommandKept() {
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        try {
            StreamHeads.keep("account-1", 5, LINK);
            UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
            try {
                assertThat(StreamHeads.keptLink("account-1", 5)).isEqualTo(LINK);
            } finally {
                nested.rollback();
            }
        } finally {
            command.rollback();
        }
    }

    @Test
    void noLinkIsKeptOutsideAUnitOfWorkNorBeyondIt() {
        StreamHeads.keep("account-1", 5, LINK);
        assertThat(StreamHeads.keptLink("account-1", 5)).isNull();

        UnitOfWork<?> first = DefaultUnitOfWork.startAndGet(null);
        StreamHeads.keep("account-1", 5, LINK);
        first.commit();
        UnitOfWork<?> next = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThat(StreamHeads.keptLink("account-1", 5)).as("the next command's unit of work").isNull();
        } finally {
            next.rollback();
        }
    }

    @Test
    void aRowWithoutAWholeLinkIsReadAgain() {
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        try {
            StreamHeads.keep("no-link", 5, null);
            StreamHeads.keep("short-link", 5, Arrays.copyOf(LINK, 16));

            assertThat(StreamHeads.keptLink("no-link", 5)).isNull();
            assertThat(StreamHeads.keptLink("short-link", 5)).isNull();
        } finally {
            command.rollback();
        }
    }
}
