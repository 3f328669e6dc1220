package com.eoc.accounts.command.avatar;

import com.eoc.accounts.events.AvatarChanged;
import com.eoc.accounts.events.AvatarRemoved;
import com.eoc.accounts.events.PersonalDataErased;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which image each account shows ({@code command_side.avatar_use}), kept in the transaction of the
 * event that changes it (a subscribing processor, see {@code CommandSideAxonConfig}). An image that
 * an account stops using (replaced or removed) is deleted from the image store, if no other
 * account uses it, right after that transaction commits, in a transaction of its own
 * ({@link AvatarStore#deleteIfUnused}): a refused or rolled-back command deletes nothing.
 */
@Component
@ProcessingGroup(AvatarUses.PROCESSING_GROUP)
public class AvatarUses {

    public static final String PROCESSING_GROUP = "avatar-uses";

    private final JdbcClient jdbc;
    private final AvatarStore images;
    private final TransactionTemplate ownTransaction;

    AvatarUses(JdbcClient jdbc, AvatarStore images, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.images = images;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventHandler
    void on(AvatarChanged event) {
        Optional<String> previous = drop(event.accountId());
        jdbc.sql("INSERT INTO command_side.avatar_use (account_id, digest) VALUES (?, ?)")
                .params(event.accountId(), event.digest())
                .update();
        previous.filter(digest -> !digest.equals(event.digest())).ifPresent(this::deleteAfterCommitIfUnused);
    }

    @EventHandler
    void on(AvatarRemoved event) {
        drop(event.accountId()).ifPresent(this::deleteAfterCommitIfUnused);
    }

    /** Every image the account ever showed goes, unless another account shows it. */
    @EventHandler
    void on(PersonalDataErased event) {
        drop(event.accountId());
        jdbc.sql("""
                        SELECT DISTINCT convert_from(payload, 'UTF8')::jsonb ->> 'digest'
                          FROM eventstore.domain_event_entry
                         WHERE aggregate_identifier = ? AND payload_type = ?""")
                .params(event.accountId().toString(), AvatarChanged.class.getName())
                .query(String.class)
                .list()
                .forEach(this::deleteAfterCommitIfUnused);
    }

    /** The account's image, no longer its own; empty when it had none. */
    private Optional<String> drop(UUID accountId) {
        return jdbc.sql("DELETE FROM command_side.avatar_use WHERE account_id = ? RETURNING digest")
                .param(accountId)
                .query(String.class)
                .optional();
    }

    private void deleteAfterCommitIfUnused(String digest) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                ownTransaction.executeWithoutResult(status -> images.deleteIfUnused(digest));
            }
        });
    }
}
