package com.eoc.accounts.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.eoc.accounts.command.account.Commands.ChangeAvatar;
import com.eoc.accounts.command.account.Commands.ChangeEmail;
import com.eoc.accounts.command.account.Commands.CloseAccount;
import com.eoc.accounts.command.account.Commands.ErasePersonalData;
import com.eoc.accounts.command.account.Commands.DeleteToken;
import com.eoc.accounts.command.account.Commands.GenerateToken;
import com.eoc.accounts.command.account.Commands.RegisterAccount;
import com.eoc.accounts.command.account.Commands.RemoveAvatar;
import com.eoc.accounts.command.account.Commands.RenameUser;
import com.eoc.accounts.command.account.Commands.ReopenAccount;
import com.eoc.accounts.command.account.Rejections.AccountClosedException;
import com.eoc.accounts.command.account.Rejections.AccountErasedException;
import com.eoc.accounts.command.account.Rejections.AccountOpenException;
import com.eoc.accounts.command.account.Rejections.LiveTokenExistsException;
import com.eoc.accounts.command.account.Rejections.NoAvatarException;
import com.eoc.accounts.command.account.Rejections.NoTokenException;
import com.eoc.accounts.command.email.EmailIndex;
import com.eoc.accounts.command.email.EmailTakenException;
import com.eoc.accounts.command.login.AccountLoginIndex;
import com.eoc.accounts.command.login.SubjectTakenException;
import com.eoc.accounts.platform.token.TokenPolicy;
import com.eoc.accounts.events.AccountClosed;
import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.AccountReopened;
import com.eoc.accounts.events.AvatarChanged;
import com.eoc.accounts.events.AvatarRemoved;
import com.eoc.accounts.events.EmailChanged;
import com.eoc.accounts.events.PersonalDataErased;
import com.eoc.accounts.events.TokenDeleted;
import com.eoc.accounts.events.TokenGenerated;
import com.eoc.accounts.events.UserRenamed;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One user's account settings. Decides every command against the account's own history; the
 * email and login indexes (set-based uniqueness) and the token policy (configuration) are handed in.
 *
 * <p>A command that names the version it expects ({@code If-Match}) is refused as stale before
 * any rule is checked: a client that saw an older account gets 412, not an answer about a state
 * it has not seen. A closed account refuses every other command but its reopening (409).
 *
 * <p>"Now" is the time Axon stamps on the events this command produces
 * ({@link GenericEventMessage#clock}), which tests move with {@code givenCurrentTime} and
 * {@code andThenTimeElapses}.
 */
@Aggregate(repository = AccountRepository.BEAN_NAME)
class Account {

    @AggregateIdentifier
    private UUID accountId;
    private String firstName;
    private String lastName;
    private String email;
    private boolean hasAvatar;
    private IssuedToken token;
    private boolean closed;
    private boolean erased;

    Account() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Account(RegisterAccount command, EmailIndex emails, AccountLoginIndex logins) {
        AccountRules rules = new AccountRules();
        String first = rules.name("firstName", command.firstName());
        String last = rules.name("lastName", command.lastName());
        String address = rules.email("email", command.email());
        String subject = rules.subject("subject", command.subject(), command.accountId().toString());
        rules.check();
        if (emails.isTakenByAnother(address, command.accountId())) {
            throw new EmailTakenException();
        }
        if (logins.isTaken(subject)) {
            throw new SubjectTakenException();
        }
        apply(new AccountRegistered(command.accountId(), first, last, address, subject));
    }

    @CommandHandler
    long handle(RenameUser command, ConflictResolver conflicts) {
        Versions.refuseIfStale(conflicts);
        refuseIfClosed();
        AccountRules rules = new AccountRules();
        String first = rules.name("firstName", command.firstName());
        String last = rules.name("lastName", command.lastName());
        rules.check();
        if (!first.equals(firstName) || !last.equals(lastName)) {
            apply(new UserRenamed(accountId, first, last));
        }
        return Versions.current();
    }

    @CommandHandler
    long handle(ChangeEmail command, EmailIndex emails, ConflictResolver conflicts) {
        Versions.refuseIfStale(conflicts);
        refuseIfClosed();
        AccountRules rules = new AccountRules();
        String address = rules.email("email", command.email());
        rules.check();
        if (!address.equals(email)) {
            if (emails.isTakenByAnother(address, accountId)) {
                throw new EmailTakenException();
            }
            apply(new EmailChanged(accountId, address));
        }
        return Versions.current();
    }

    @CommandHandler
    long handle(ChangeAvatar command, ConflictResolver conflicts) {
        Versions.refuseIfStale(conflicts);
        refuseIfClosed();
        var avatar = command.avatar();
        apply(new AvatarChanged(accountId, avatar.digest(), avatar.contentType(), avatar.width(), avatar.height(),
                avatar.sizeBytes()));
        return Versions.current();
    }

    @CommandHandler
    long handle(RemoveAvatar command, ConflictResolver conflicts) {
        Versions.refuseIfStale(conflicts);
        refuseIfClosed();
        if (!hasAvatar) {
            throw new NoAvatarException();
        }
        apply(new AvatarRemoved(accountId));
        return Versions.current();
    }

    @CommandHandler
    TokenIssued handle(GenerateToken command, TokenPolicy policy, ConflictResolver conflicts) {
        Versions.refuseIfStale(conflicts);
        refuseIfClosed();
        AccountRules rules = new AccountRules();
        rules.expiresInDays("expiresInDays", command.expiresInDays(), policy.expiryChoices());
        rules.check();
        // milliseconds: what every client and PostgreSQL can hold, so all answers show the same instant
        Instant now = GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (token != null && token.isLiveAt(now)) {
            throw new LiveTokenExistsException();
        }
        Instant expiresAt = now.plus(Duration.ofDays(command.expiresInDays()));
        apply(new TokenGenerated(accountId, command.tokenId(), command.tokenHash(), command.hint(), now, expiresAt));
        return new TokenIssued(command.tokenId(), now, expiresAt, Versions.current());
    }

    @CommandHandler
    long handle(DeleteToken command, ConflictResolver conflicts) {
        Versions.refuseIfStale(conflicts);
        refuseIfClosed();
        if (token == null) {
            throw new NoTokenException();
        }
        apply(new TokenDeleted(accountId, token.tokenId()));
        return Versions.current();
    }

    /** Idempotent: closing a closed account records nothing. Its token, if any, is deleted first. */
    @CommandHandler
    long handle(CloseAccount command, ConflictResolver conflicts) {
        Versions.refuseIfStale(conflicts);
        if (!closed) {
            if (token != null) {
                apply(new TokenDeleted(accountId, token.tokenId()));
            }
            apply(new AccountClosed(accountId));
        }
        return Versions.current();
    }

    /** Idempotent: reopening an open account records nothing. */
    @CommandHandler
    long handle(ReopenAccount command, ConflictResolver conflicts) {
        Versions.refuseIfStale(conflicts);
        if (erased) {
            throw new AccountErasedException();
        }
        if (closed) {
            apply(new AccountReopened(accountId));
        }
        return Versions.current();
    }

    /**
     * Only a closed account's; idempotent. The lookups delete its data key, free its email address
     * and drop its avatar in the same transaction.
     */
    @CommandHandler
    long handle(ErasePersonalData command, ConflictResolver conflicts) {
        Versions.refuseIfStale(conflicts);
        if (!closed) {
            throw new AccountOpenException();
        }
        if (!erased) {
            apply(new PersonalDataErased(accountId));
        }
        return Versions.current();
    }

    private void refuseIfClosed() {
        if (closed) {
            throw new AccountClosedException();
        }
    }

    @EventSourcingHandler
    void on(AccountRegistered event) {
        accountId = event.accountId();
        firstName = event.firstName();
        lastName = event.lastName();
        email = event.email();
    }

    @EventSourcingHandler
    void on(UserRenamed event) {
        firstName = event.firstName();
        lastName = event.lastName();
    }

    @EventSourcingHandler
    void on(EmailChanged event) {
        email = event.email();
    }

    @EventSourcingHandler
    void on(AvatarChanged event) {
        hasAvatar = true;
    }

    @EventSourcingHandler
    void on(AvatarRemoved event) {
        hasAvatar = false;
    }

    @EventSourcingHandler
    void on(TokenGenerated event) {
        token = new IssuedToken(event.tokenId(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(TokenDeleted event) {
        token = null;
    }

    @EventSourcingHandler
    void on(AccountClosed event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(AccountReopened event) {
        closed = false;
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        erased = true;
        firstName = null;
        lastName = null;
        email = null;
        hasAvatar = false;
    }

    /** What the account remembers of its token: enough to decide, nothing secret. */
    private record IssuedToken(UUID tokenId, Instant expiresAt) {

        boolean isLiveAt(Instant now) {
            return now.isBefore(expiresAt);
        }
    }

    /** What the caller learns from GenerateToken besides the token it made itself. */
    record TokenIssued(UUID tokenId, Instant createdAt, Instant expiresAt, long version) {
    }
}
