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
        inAUnitOfWork(() -> {
            StreamHeads.keep("account-1", 5, LINK);

            assertThat(StreamHeads.keptLink("account-1", 5)).isEqualTo(LINK);
            assertThat(StreamHeads.keptLink("account-1", 4)).as("an older event's link is read").isNull();
            assertThat(StreamHeads.keptLink("account-1", 6)).isNull();
            assertThat(StreamHeads.keptLink("account-2", 5)).as("another account's").isNull();
        });
    }

    @Test
    void aNestedUnitOfWorkSeesTheLinkItsCommandKept() {
        inAUnitOfWork(() -> {
            StreamHeads.keep("account-1", 5, LINK);
            inAUnitOfWork(() -> assertThat(StreamHeads.keptLink("account-1", 5)).isEqualTo(LINK));
        });
    }

    @Test
    void noLinkIsKeptOutsideAUnitOfWorkNorBeyondIt() {
        StreamHeads.keep("account-1", 5, LINK);
        assertThat(StreamHeads.keptLink("account-1", 5)).isNull();

        inAUnitOfWork(() -> StreamHeads.keep("account-1", 5, LINK));
        inAUnitOfWork(() -> assertThat(StreamHeads.keptLink("account-1", 5)).as("the next command's unit of work")
                .isNull());
    }

    @Test
    void aRowWithoutAWholeLinkIsReadAgain() {
        inAUnitOfWork(() -> {
            StreamHeads.keep("no-link", 5, null);
            StreamHeads.keep("short-link", 5, Arrays.copyOf(LINK, 16));

            assertThat(StreamHeads.keptLink("no-link", 5)).isNull();
            assertThat(StreamHeads.keptLink("short-link", 5)).isNull();
        });
    }

    /**
     * Runs {@code work} in a unit of work of its own, nested in the current one if there is one.
     * Not Axon's {@code execute}, which turns a failed assertion into a ClassCastException.
     */
    private static void inAUnitOfWork(Runnable work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            work.run();
        } finally {
            unitOfWork.rollback();
        }
    }
}
