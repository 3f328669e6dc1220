package com.eoc.accounts.query.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.eoc.accounts.events.AccountEvent;
import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.AvatarChanged;
import com.eoc.accounts.events.TokenDeleted;
import com.eoc.accounts.events.TokenGenerated;
import com.eoc.accounts.events.UserRenamed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/** The as-of fold on its own, with events stamped at chosen instants. */
class AccountStatesTest {

    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    /** "Now" for the application: far later than any event here, when every token has expired. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final AccountStates states = new AccountStates(new TokenExpiry(NOW, 7));
    private final UUID accountId = UUID.randomUUID();
    private final UUID tokenId = UUID.randomUUID();
    private final List<DomainEventMessage<?>> events = new ArrayList<>();

    @Test
    void stateIncludesTheEventsUpToAndIncludingTheInstant() {
        record(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), T0);
        record(new UserRenamed(accountId, "Ada", "King"), T0.plusSeconds(10));
        record(new AvatarChanged(accountId, "ab".repeat(32), "image/png", 64, 64, 100L), T0.plusSeconds(20));

        AccountResponse atRename = asOf(T0.plusSeconds(10)).orElseThrow();

        assertThat(atRename.lastName()).isEqualTo("King");
        assertThat(atRename.version()).isEqualTo(1);
        assertThat(atRename.updatedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(atRename.avatarUrl()).isNull();
        assertThat(asOf(T0.plusSeconds(20)).orElseThrow().avatarUrl())
                .isEqualTo("/api/accounts/" + accountId + "/avatar?v=" + "ab".repeat(8));
    }

    @Test
    void thereIsNoStateBeforeTheRegistration() {
        record(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), T0);

        assertThat(asOf(T0.minusNanos(1))).isEmpty();
    }

    /** Events are folded in sequence order; one stamped after the instant ends the fold. */
    @Test
    void aLaterStampedEventEndsTheFoldEvenIfOneAfterItIsStampedEarlier() {
        record(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), T0);
        record(new UserRenamed(accountId, "Ada", "King"), T0.plusSeconds(30));
        record(new UserRenamed(accountId, "Augusta", "King"), T0.plusSeconds(29));

        AccountResponse state = asOf(T0.plusSeconds(29)).orElseThrow();

        assertThat(state.firstName()).isEqualTo("Ada");
        assertThat(state.lastName()).isEqualTo("Lovelace");
        assertThat(state.version()).isZero();
    }

    @Test
    void tokenIsJudgedAsOfTheInstantNotAsOfNow() {
        record(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), T0);
        record(new TokenGenerated(accountId, tokenId, "ff".repeat(32), "Zx81", T0, T0.plus(Duration.ofDays(30))), T0);

        AccountResponse.ApiToken atGeneration = asOf(T0).orElseThrow().apiToken();
        AccountResponse.ApiToken nearExpiry = asOf(T0.plus(Duration.ofDays(24))).orElseThrow().apiToken();

        assertThat(atGeneration.status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(atGeneration.daysUntilExpiry()).isEqualTo(30);
        assertThat(nearExpiry.status()).isEqualTo(TokenStatus.EXPIRING_SOON);
        assertThat(nearExpiry.daysUntilExpiry()).isEqualTo(6);
    }

    @Test
    void deletedTokenIsGoneFromLaterStates() {
        record(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), T0);
        record(new TokenGenerated(accountId, tokenId, "ff".repeat(32), "Zx81", T0, T0.plus(Duration.ofDays(30))), T0);
        record(new TokenDeleted(accountId, tokenId), T0.plusSeconds(5));

        assertThat(asOf(T0.plusSeconds(4)).orElseThrow().apiToken()).isNotNull();
        assertThat(asOf(T0.plusSeconds(5)).orElseThrow().apiToken()).isNull();
    }

    @Test
    void anAccountIsRegisteredOnlyOnce() {
        AccountView view = AccountView.registeredBy(
                new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), 0, T0);

        assertThatIllegalArgumentException().isThrownBy(() -> view.apply(
                new AccountRegistered(accountId, "Eve", "Mallory", "eve@example.com"), 1, T0));
    }

    private void record(AccountEvent event, Instant at) {
        events.add(new GenericDomainEventMessage<>("Account", accountId.toString(), events.size(), event,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), at));
    }

    private Optional<AccountResponse> asOf(Instant instant) {
        return states.asOf(instant, events.iterator());
    }
}
