package com.eoc.accounts.command.account;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.eoc.accounts.command.account.Account.TokenIssued;
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
import com.eoc.accounts.command.account.Rejections.InvalidInputException;
import com.eoc.accounts.command.account.Rejections.LiveTokenExistsException;
import com.eoc.accounts.command.account.Rejections.NoAvatarException;
import com.eoc.accounts.command.account.Rejections.NoTokenException;
import com.eoc.accounts.command.avatar.StoredAvatar;
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
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per rule of the Domain table. */
class AccountTest {

    private static final UUID ID = UUID.fromString("7b7a3c1e-0000-4000-8000-000000000001");
    private static final UUID OTHER_TOKEN = UUID.fromString("7b7a3c1e-0000-4000-8000-0000000000aa");
    private static final UUID TOKEN = UUID.fromString("7b7a3c1e-0000-4000-8000-0000000000bb");
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final AccountRegistered REGISTERED =
            new AccountRegistered(ID, "Ada", "Lovelace", "ada@example.com");
    private static final String HASH = "a".repeat(64);

    private FixtureConfiguration<Account> fixture;
    private EmailIndex emails;
    private AccountLoginIndex logins;

    @BeforeEach
    void setUp() {
        emails = mock(EmailIndex.class);
        fixture = new AggregateTestFixture<>(Account.class);
        logins = mock(AccountLoginIndex.class);
        fixture.registerInjectableResource(emails);
        fixture.registerInjectableResource(logins);
        fixture.registerInjectableResource(new TokenPolicy(List.of(7, 30, 60, 90, 365), 7));
    }

    @Nested
    class Registration {

        @Test
        void registersWithTrimmedNamesAndEmail() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterAccount(ID, "  Ada ", " Lovelace", " ada@example.com ", null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(REGISTERED);
        }

        @Test
        void refusesBlankNames() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterAccount(ID, "   ", null, "ada@example.com", null))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage("firstName: must not be blank; lastName: must not be blank");
        }

        @Test
        void refusesNamesLongerThan100Characters() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterAccount(ID, "A".repeat(101), "B".repeat(100), "ada@example.com", null))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage("firstName: must be at most 100 characters");
        }

        @Test
        void refusesAnInvalidEmail() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterAccount(ID, "Ada", "Lovelace", "ada@@example", null))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage("email: must be a valid email address");
        }

        @Test
        void refusesAnEmailLongerThan254Characters() {
            String longEmail = "a@" + "b".repeat(249) + ".com";
            fixture.givenNoPriorActivity()
                    .when(new RegisterAccount(ID, "Ada", "Lovelace", longEmail, null))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage("email: must be at most 254 characters");
        }

        @Test
        void refusesAnEmailAnotherAccountUses() {
            when(emails.isTakenByAnother(eq("ada@example.com"), any())).thenReturn(true);
            fixture.givenNoPriorActivity()
                    .when(new RegisterAccount(ID, "Ada", "Lovelace", "ada@example.com", null))
                    .expectNoEvents()
                    .expectException(EmailTakenException.class);
        }

        @Test
        void withoutASubjectTheAccountIdIsItsLogin() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterAccount(ID, "Ada", "Lovelace", "ada@example.com", "   "))
                    .expectEvents(new AccountRegistered(ID, "Ada", "Lovelace", "ada@example.com", ID.toString()));
        }

        @Test
        void registersWithTheTrimmedSubjectOfTheIdentityProvider() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterAccount(ID, "Ada", "Lovelace", "ada@example.com", " auth0|5f3a "))
                    .expectEvents(new AccountRegistered(ID, "Ada", "Lovelace", "ada@example.com", "auth0|5f3a"));
        }

        @Test
        void refusesASubjectAnotherAccountHasAsLogin() {
            when(logins.isTaken("auth0|5f3a")).thenReturn(true);
            fixture.givenNoPriorActivity()
                    .when(new RegisterAccount(ID, "Ada", "Lovelace", "ada@example.com", "auth0|5f3a"))
                    .expectNoEvents()
                    .expectException(SubjectTakenException.class);
        }

        @Test
        void refusesASubjectLongerThan255Characters() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterAccount(ID, "Ada", "Lovelace", "ada@example.com", "s".repeat(256)))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage("subject: must be at most 255 characters");
        }

        @Test
        void refusesASubjectWithControlCharacters() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterAccount(ID, "Ada", "Lovelace", "ada@example.com", "auth0|\u00075f3a"))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage("subject: must not contain control characters");
        }
    }

    @Nested
    class Renaming {

        @Test
        void renames() {
            fixture.given(REGISTERED)
                    .when(new RenameUser(ID, "Ada", "King", null))
                    .expectEvents(new UserRenamed(ID, "Ada", "King"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void sameNameRecordsNothing() {
            fixture.given(REGISTERED)
                    .when(new RenameUser(ID, " Ada", "Lovelace ", null))
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void refusesAnInvalidName() {
            fixture.given(REGISTERED)
                    .when(new RenameUser(ID, "Ada", "", null))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class);
        }

        @Test
        void refusesAStaleExpectedVersion() {
            fixture.given(REGISTERED, new UserRenamed(ID, "Ada", "King"))
                    .when(new RenameUser(ID, "Ada", "Byron", 0L))
                    .expectNoEvents()
                    .expectException(ConflictingAggregateVersionException.class);
        }
    }

    @Nested
    class EmailChanges {

        @Test
        void changesEmail() {
            fixture.given(REGISTERED)
                    .when(new ChangeEmail(ID, "ada@lovelace.org", null))
                    .expectEvents(new EmailChanged(ID, "ada@lovelace.org"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void sameEmailRecordsNothing() {
            fixture.given(REGISTERED)
                    .when(new ChangeEmail(ID, "ada@example.com ", null))
                    .expectNoEvents();
        }

        @Test
        void refusesAnInvalidEmail() {
            fixture.given(REGISTERED)
                    .when(new ChangeEmail(ID, "not an email", null))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class);
        }

        @Test
        void refusesAnEmailAnotherAccountUses() {
            when(emails.isTakenByAnother("grace@example.com", ID)).thenReturn(true);
            fixture.given(REGISTERED)
                    .when(new ChangeEmail(ID, "grace@example.com", null))
                    .expectNoEvents()
                    .expectException(EmailTakenException.class);
        }
    }

    @Nested
    class Avatars {

        @Test
        void recordsTheStoredImage() {
            StoredAvatar avatar = new StoredAvatar("d".repeat(64), "image/png", 512, 384, 12_345);
            fixture.given(REGISTERED)
                    .when(new ChangeAvatar(ID, avatar, 0L))
                    .expectEvents(new AvatarChanged(ID, "d".repeat(64), "image/png", 512, 384, 12_345));
        }

        @Test
        void removesTheImage() {
            fixture.given(REGISTERED, new AvatarChanged(ID, "d".repeat(64), "image/png", 512, 384, 12_345))
                    .when(new RemoveAvatar(ID, 1L))
                    .expectEvents(new AvatarRemoved(ID))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void removingWithoutAnImageIsNotFound() {
            fixture.given(REGISTERED, new AvatarChanged(ID, "d".repeat(64), "image/png", 512, 384, 12_345),
                            new AvatarRemoved(ID))
                    .when(new RemoveAvatar(ID, null))
                    .expectNoEvents()
                    .expectException(NoAvatarException.class);
        }
    }

    @Nested
    class Tokens {

        private final TokenGenerated issued30DaysAgo = new TokenGenerated(ID, OTHER_TOKEN, HASH, "wxyz",
                NOW.minus(Duration.ofDays(30)), NOW);

        @Test
        void generatesATokenThatExpiresAfterTheChosenDays() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(REGISTERED)
                    .when(new GenerateToken(ID, TOKEN, HASH, "abcd", 30, null))
                    .expectEvents(new TokenGenerated(ID, TOKEN, HASH, "abcd", NOW, NOW.plus(Duration.ofDays(30))))
                    .expectResultMessagePayload(new TokenIssued(TOKEN, NOW, NOW.plus(Duration.ofDays(30)), 1L));
        }

        @Test
        void refusesAnExpiryThatIsNotOffered() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(REGISTERED)
                    .when(new GenerateToken(ID, TOKEN, HASH, "abcd", 14, null))
                    .expectNoEvents()
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage("expiresInDays: must be one of [7, 30, 60, 90, 365]");
        }

        @Test
        void cannotGenerateSecondLiveToken() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(REGISTERED, new TokenGenerated(ID, OTHER_TOKEN, HASH, "wxyz", NOW,
                            NOW.plus(Duration.ofDays(7))))
                    .andGivenCurrentTime(NOW.plus(Duration.ofDays(7)).minusSeconds(1))
                    .when(new GenerateToken(ID, TOKEN, HASH, "abcd", 30, null))
                    .expectNoEvents()
                    .expectException(LiveTokenExistsException.class)
                    .expectExceptionMessage("the account already has a live API token: delete the current token first");
        }

        @Test
        void expiredTokenDoesNotBlockANewOne() {
            Instant later = NOW.plus(Duration.ofDays(7));
            fixture.givenCurrentTime(NOW)
                    .andGiven(REGISTERED, new TokenGenerated(ID, OTHER_TOKEN, HASH, "wxyz", NOW, later))
                    .andGivenCurrentTime(later)
                    .when(new GenerateToken(ID, TOKEN, HASH, "abcd", 7, null))
                    .expectEvents(new TokenGenerated(ID, TOKEN, HASH, "abcd", later, later.plus(Duration.ofDays(7))));
        }

        @Test
        void tokenNoLongerBlocksFromTheInstantItExpires() {
            // issued 30 days ago for 30 days: it expires exactly now
            fixture.givenCurrentTime(NOW)
                    .andGiven(REGISTERED, issued30DaysAgo)
                    .when(new GenerateToken(ID, TOKEN, HASH, "abcd", 7, null))
                    .expectEvents(new TokenGenerated(ID, TOKEN, HASH, "abcd", NOW, NOW.plus(Duration.ofDays(7))));
        }

        @Test
        void deletedTokenDoesNotBlockANewOne() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(REGISTERED, new TokenGenerated(ID, OTHER_TOKEN, HASH, "wxyz", NOW,
                            NOW.plus(Duration.ofDays(90))), new TokenDeleted(ID, OTHER_TOKEN))
                    .when(new GenerateToken(ID, TOKEN, HASH, "abcd", 30, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TokenGenerated(ID, TOKEN, HASH, "abcd", NOW, NOW.plus(Duration.ofDays(30))));
        }

        @Test
        void deletesTheToken() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(REGISTERED, new TokenGenerated(ID, OTHER_TOKEN, HASH, "wxyz", NOW,
                            NOW.plus(Duration.ofDays(30))))
                    .when(new DeleteToken(ID, 1L))
                    .expectEvents(new TokenDeleted(ID, OTHER_TOKEN))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aStaleExpectedVersionIsRefusedBeforeAnyRule() {
            // the client saw the token (version 1); it has been deleted since (version 2)
            fixture.given(REGISTERED, issued30DaysAgo, new TokenDeleted(ID, OTHER_TOKEN))
                    .when(new DeleteToken(ID, 1L))
                    .expectNoEvents()
                    .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void aStaleExpectedVersionIsRefusedEvenWhenTheRuleWouldRefuseToo() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(REGISTERED, new TokenGenerated(ID, OTHER_TOKEN, HASH, "wxyz", NOW,
                            NOW.plus(Duration.ofDays(30))))
                    .when(new GenerateToken(ID, TOKEN, HASH, "abcd", 30, 0L))
                    .expectNoEvents()
                    .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void deleteWithoutATokenIsNotFound() {
            fixture.given(REGISTERED)
                    .when(new DeleteToken(ID, null))
                    .expectNoEvents()
                    .expectException(NoTokenException.class);
        }

        @Test
        void deleteAfterDeleteIsNotFound() {
            fixture.given(REGISTERED, issued30DaysAgo, new TokenDeleted(ID, OTHER_TOKEN))
                    .when(new DeleteToken(ID, null))
                    .expectNoEvents()
                    .expectException(NoTokenException.class);
        }
    }

    @Nested
    class Closing {

        private final StoredAvatar avatar = new StoredAvatar("d".repeat(64), "image/png", 512, 384, 12_345);
        private final AccountClosed closed = new AccountClosed(ID);

        @Test
        void closes() {
            fixture.given(REGISTERED)
                    .when(new CloseAccount(ID, null))
                    .expectEvents(closed)
                    .expectResultMessagePayload(1L);
        }

        @Test
        void deletesTheTokenInTheSameCommand() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(REGISTERED, new TokenGenerated(ID, TOKEN, HASH, "abcd", NOW, NOW.plus(Duration.ofDays(30))))
                    .when(new CloseAccount(ID, 1L))
                    .expectEvents(new TokenDeleted(ID, TOKEN), closed)
                    .expectResultMessagePayload(3L);
        }

        @Test
        void deletesAnExpiredTokenToo() {
            fixture.givenCurrentTime(NOW.plus(Duration.ofDays(60)))
                    .andGiven(REGISTERED, new TokenGenerated(ID, TOKEN, HASH, "abcd", NOW, NOW.plus(Duration.ofDays(7))))
                    .when(new CloseAccount(ID, null))
                    .expectEvents(new TokenDeleted(ID, TOKEN), closed);
        }

        @Test
        void closingAClosedAccountRecordsNothing() {
            fixture.given(REGISTERED, closed)
                    .when(new CloseAccount(ID, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aStaleExpectedVersionIsRefused() {
            fixture.given(REGISTERED, new UserRenamed(ID, "Ada", "King"))
                    .when(new CloseAccount(ID, 0L))
                    .expectNoEvents()
                    .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void aClosedAccountRefusesEveryOtherCommand() {
            List<Object> commands = List.of(new RenameUser(ID, "Ada", "King", null),
                    new ChangeEmail(ID, "ada@example.org", null), new ChangeAvatar(ID, avatar, null),
                    new RemoveAvatar(ID, null),
                    new GenerateToken(ID, TOKEN, HASH, "abcd", 30, null), new DeleteToken(ID, null));
            for (Object command : commands) {
                fixture.given(REGISTERED, closed)
                        .when(command)
                        .expectNoEvents()
                        .expectException(AccountClosedException.class)
                        .expectExceptionMessage("the account is closed: an administrator can reopen it");
            }
        }

        @Test
        void aStaleExpectedVersionIsRefusedBeforeTheClosedAccount() {
            fixture.given(REGISTERED, closed)
                    .when(new RenameUser(ID, "Ada", "King", 0L))
                    .expectNoEvents()
                    .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void reopens() {
            fixture.given(REGISTERED, closed)
                    .when(new ReopenAccount(ID, 1L))
                    .expectEvents(new AccountReopened(ID))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void reopeningAnOpenAccountRecordsNothing() {
            fixture.given(REGISTERED)
                    .when(new ReopenAccount(ID, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void aReopenedAccountAcceptsCommandsAgain() {
            fixture.given(REGISTERED, closed, new AccountReopened(ID))
                    .when(new RenameUser(ID, "Ada", "King", null))
                    .expectEvents(new UserRenamed(ID, "Ada", "King"));
        }
    }

    @Nested
    class Erasing {

        private final AccountClosed closed = new AccountClosed(ID);
        private final PersonalDataErased erased = new PersonalDataErased(ID);

        @Test
        void erasesAClosedAccountsPersonalData() {
            fixture.given(REGISTERED, closed)
                    .when(new ErasePersonalData(ID, 1L))
                    .expectEvents(erased)
                    .expectResultMessagePayload(2L);
        }

        @Test
        void anOpenAccountIsClosedFirst() {
            fixture.given(REGISTERED)
                    .when(new ErasePersonalData(ID, null))
                    .expectNoEvents()
                    .expectException(AccountOpenException.class);
        }

        @Test
        void erasingTwiceRecordsOnce() {
            fixture.given(REGISTERED, closed, erased)
                    .when(new ErasePersonalData(ID, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @Test
        void anErasedAccountStaysClosed() {
            fixture.given(REGISTERED, closed, erased)
                    .when(new ReopenAccount(ID, null))
                    .expectNoEvents()
                    .expectException(AccountErasedException.class);
        }
    }
}
