package com.eoc.accounts.command.login;

import com.eoc.accounts.events.AccountClosed;
import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.AccountReopened;
import com.eoc.accounts.platform.security.AccountLogins;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Logins in use, one account each.
 *
 * <p>The aggregate asks {@link #isTaken} to refuse a taken subject politely; the event handler
 * binds the subject in the same transaction as the registration (a subscribing processor that
 * fails its command, see {@code CommandSideAxonConfig}), so when two registrations race for one
 * subject the primary key lets exactly one of them commit, and the account is ownable from the
 * moment the registration answers. Closing the account marks its login closed in the closing's
 * transaction, so its owner is refused from the moment the closing answers, on every node.
 */
@Component
@ProcessingGroup(AccountLoginIndex.PROCESSING_GROUP)
public class AccountLoginIndex {

    public static final String PROCESSING_GROUP = "account-login-index";

    private final AccountLogins logins;

    AccountLoginIndex(AccountLogins logins) {
        this.logins = logins;
    }

    public boolean isTaken(String subject) {
        return logins.accountOf(subject).isPresent();
    }

    @EventHandler
    void on(AccountRegistered event) {
        try {
            logins.bind(event.subject(), event.accountId());
        } catch (DuplicateKeyException e) {
            throw new SubjectTakenException();
        }
    }

    @EventHandler
    void on(AccountClosed event) {
        logins.markClosed(event.accountId(), true);
    }

    @EventHandler
    void on(AccountReopened event) {
        logins.markClosed(event.accountId(), false);
    }
}
