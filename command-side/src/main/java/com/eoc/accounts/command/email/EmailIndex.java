package com.eoc.accounts.command.email;

import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.EmailChanged;
import com.eoc.accounts.events.PersonalDataErased;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Email addresses in use, unique across accounts regardless of case.
 *
 * <p>The aggregate asks {@link #isTakenByAnother} to refuse a taken address politely; the event
 * handlers claim the address in the same transaction as the event (a subscribing processor, see
 * {@code CommandSideAxonConfig}), so when two requests race for one address the unique key lets
 * exactly one of them commit.
 */
@Component
@ProcessingGroup(EmailIndex.PROCESSING_GROUP)
public class EmailIndex {

    public static final String PROCESSING_GROUP = "email-index";

    private final JdbcClient jdbc;

    EmailIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isTakenByAnother(String email, UUID accountId) {
        return jdbc.sql("SELECT account_id FROM command_side.email_index WHERE email_key = ?")
                .param(key(email))
                .query(UUID.class)
                .optional()
                .filter(owner -> !owner.equals(accountId))
                .isPresent();
    }

    @EventHandler
    void on(AccountRegistered event) {
        claim(event.accountId(), event.email());
    }

    @EventHandler
    void on(EmailChanged event) {
        jdbc.sql("DELETE FROM command_side.email_index WHERE account_id = ?").param(event.accountId()).update();
        claim(event.accountId(), event.email());
    }

    /** An erased account's address is free for another account. */
    @EventHandler
    void on(PersonalDataErased event) {
        jdbc.sql("DELETE FROM command_side.email_index WHERE account_id = ?").param(event.accountId()).update();
    }

    private void claim(UUID accountId, String email) {
        try {
            jdbc.sql("INSERT INTO command_side.email_index (email_key, account_id) VALUES (?, ?)")
                    .param(key(email))
                    .param(accountId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new EmailTakenException();
        }
    }

    static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
