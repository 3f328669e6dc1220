package com.eoc.accounts.query.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eoc.accounts.events.AccountClosed;
import com.eoc.accounts.events.AccountEvent;
import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.AccountReopened;
import com.eoc.accounts.events.AvatarChanged;
import com.eoc.accounts.events.EmailChanged;
import com.eoc.accounts.events.TokenDeleted;
import com.eoc.accounts.events.TokenGenerated;
import com.eoc.accounts.events.UserRenamed;
import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The projection called directly, as the event processor would, against the real table on
 * PostgreSQL. Rows are read back with SQL after a flush, so that what is compared is what was
 * written, not Hibernate's cached objects.
 */
@DataJpaTest(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import(AccountProjection.class)
class AccountProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private static final String TOKEN_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Autowired
    AccountProjection projection;
    @Autowired
    AccountViewRepository accounts;
    @Autowired
    EntityManager entityManager;
    @Autowired
    JdbcTemplate jdbc;

    private final UUID accountId = UUID.randomUUID();
    private final UUID tokenId = UUID.randomUUID();
    private final UUID secondTokenId = UUID.randomUUID();

    @Test
    void registrationCreatesTheViewAtVersionZero() {
        projection.on(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), 0, T0);

        Map<String, Object> row = row();
        assertThat(row).containsEntry("first_name", "Ada").containsEntry("last_name", "Lovelace")
                .containsEntry("email", "ada@example.com").containsEntry("version", 0L);
        assertThat(instant(row, "updated_at")).isEqualTo(T0);
        assertThat(row.get("avatar_digest")).isNull();
        assertThat(row.get("token_id")).isNull();
    }

    @Test
    void anEventForAnAccountWithoutAViewFailsSoThatItIsParkedNotLost() {
        assertThatThrownBy(() -> projection.on(new UserRenamed(accountId, "Ada", "King"), 1, T0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no view");
        assertThat(accounts.findById(accountId)).isEmpty();
    }

    @Test
    void everyEventMovesTheVersionToItsSequenceNumberAndTheUpdateTimeToItsTimestamp() {
        projection.on(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), 0, T0);
        projection.on(new UserRenamed(accountId, "Ada", "King"), 1, T0.plusSeconds(60));
        projection.on(new EmailChanged(accountId, "ada.king@example.com"), 2, T0.plusSeconds(120));

        Map<String, Object> row = row();
        assertThat(row).containsEntry("last_name", "King").containsEntry("email", "ada.king@example.com")
                .containsEntry("version", 2L);
        assertThat(instant(row, "updated_at")).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void avatarChangeRecordsTheStoredImage() {
        projection.on(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), 0, T0);
        projection.on(new AvatarChanged(accountId, "ab".repeat(32), "image/png", 512, 384, 20480L), 1, T0);

        assertThat(row()).containsEntry("avatar_digest", "ab".repeat(32))
                .containsEntry("avatar_content_type", "image/png").containsEntry("avatar_width", 512)
                .containsEntry("avatar_height", 384).containsEntry("avatar_size_bytes", 20480L);
    }

    @Test
    void generatedTokenIsShownByIdHintAndDatesButItsHashIsNeverStored() {
        projection.on(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), 0, T0);
        projection.on(tokenGenerated(), 1, T0);

        Map<String, Object> row = row();
        assertThat(row).containsEntry("token_id", tokenId).containsEntry("token_hint", "x9Qz");
        assertThat(instant(row, "token_created_at")).isEqualTo(T0);
        assertThat(instant(row, "token_expires_at")).isEqualTo(T0.plusSeconds(30 * 86400));
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(TOKEN_HASH));
    }

    @Test
    void deletedTokenDisappearsFromTheView() {
        projection.on(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), 0, T0);
        projection.on(tokenGenerated(), 1, T0);
        projection.on(new TokenDeleted(accountId, tokenId), 2, T0.plusSeconds(5));

        Map<String, Object> row = row();
        assertThat(row).containsEntry("version", 2L);
        assertThat(row.get("token_id")).isNull();
        assertThat(row.get("token_hint")).isNull();
        assertThat(row.get("token_created_at")).isNull();
        assertThat(row.get("token_expires_at")).isNull();
    }

    @Test
    void aClosedAccountShowsWhenItWasClosedUntilItIsReopened() {
        projection.on(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), 0, T0);
        projection.on(new AccountClosed(accountId), 1, T0.plusSeconds(5));

        Map<String, Object> closed = row();
        assertThat(closed).containsEntry("version", 1L).containsEntry("first_name", "Ada");
        assertThat(instant(closed, "closed_at")).isEqualTo(T0.plusSeconds(5));
        assertThat(accounts.findById(accountId)).hasValueSatisfying(
                view -> assertThat(view.status()).isEqualTo(AccountStatus.CLOSED));

        projection.on(new AccountReopened(accountId), 2, T0.plusSeconds(9));

        Map<String, Object> reopened = row();
        assertThat(reopened).containsEntry("version", 2L);
        assertThat(reopened.get("closed_at")).isNull();
    }

    /** Checked after each replayed event: a redelivery must not even briefly show an older state. */
    @Test
    void replayingEveryEventTwiceLeavesTheSameRow() {
        history().forEach(this::apply);
        Map<String, Object> once = row();

        for (Recorded recorded : history()) {
            apply(recorded);
            assertThat(row()).as("after replaying event %d", recorded.sequence()).isEqualTo(once);
        }
        assertThat(accounts.count()).isEqualTo(1);
    }

    @Test
    void anOlderEventArrivingLateDoesNotUndoANewerOne() {
        projection.on(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), 0, T0);
        projection.on(new UserRenamed(accountId, "Ada", "King"), 1, T0.plusSeconds(1));
        projection.on(new UserRenamed(accountId, "Augusta", "King"), 2, T0.plusSeconds(2));

        projection.on(new UserRenamed(accountId, "Ada", "King"), 1, T0.plusSeconds(1));

        assertThat(row()).containsEntry("first_name", "Augusta").containsEntry("version", 2L);
    }

    /**
     * The way a processor hands over a batch: each event through Axon's handler adapter, inside
     * one batching unit of work. The rows are read once for the whole batch, changed in memory,
     * and written at the flush.
     */
    @Test
    void aBatchOfEventsReadsTheRowsItTouchesInOneQuery() throws Exception {
        UUID second = UUID.randomUUID();
        UUID registeredInTheBatch = UUID.randomUUID();
        projection.on(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), 0, T0);
        projection.on(new AccountRegistered(second, "Grace", "Hopper", "grace@example.com"), 0, T0);
        entityManager.flush();
        entityManager.clear();
        List<EventMessage<?>> batch = List.of(
                event(accountId, 1, new UserRenamed(accountId, "Ada", "King")),
                event(registeredInTheBatch, 0, new AccountRegistered(registeredInTheBatch, "Alan", "Turing", "alan@example.com")),
                event(second, 1, new EmailChanged(second, "grace.hopper@example.com")),
                event(registeredInTheBatch, 1, new UserRenamed(registeredInTheBatch, "Alan", "Mathison Turing")),
                event(accountId, 2, new EmailChanged(accountId, "ada.king@example.com")));
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        Statistics statistics = entityManager.getEntityManagerFactory().unwrap(SessionFactory.class).getStatistics();
        long statementsBefore = statistics.getPrepareStatementCount();

        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.executeWithResult(() -> handlers.handle(unitOfWork.getMessage()));

        assertThat(statistics.getPrepareStatementCount() - statementsBefore).as("statements before the flush").isEqualTo(1);
        assertThat(row()).containsEntry("last_name", "King").containsEntry("email", "ada.king@example.com")
                .containsEntry("version", 2L);
        assertThat(jdbc.queryForMap("SELECT email, version FROM query_side.account_view WHERE account_id = ?", second))
                .containsEntry("email", "grace.hopper@example.com").containsEntry("version", 1L);
        assertThat(jdbc.queryForMap("SELECT last_name, version FROM query_side.account_view WHERE account_id = ?",
                registeredInTheBatch)).containsEntry("last_name", "Mathison Turing").containsEntry("version", 1L);
    }

    @Test
    void resetClearsTheView() {
        history().forEach(this::apply);

        projection.reset();

        assertThat(accounts.count()).isZero();
    }

    private record Recorded(AccountEvent event, long sequence, Instant at) {
    }

    /** One account's whole life, as the event store would deliver it. */
    private List<Recorded> history() {
        List<AccountEvent> events = List.of(
                new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"),
                new UserRenamed(accountId, "Ada", "King"),
                new EmailChanged(accountId, "ada.king@example.com"),
                new AvatarChanged(accountId, "cd".repeat(32), "image/png", 256, 256, 4096L),
                tokenGenerated(),
                new TokenDeleted(accountId, tokenId),
                new TokenGenerated(accountId, secondTokenId, TOKEN_HASH, "Ab12", T0.plusSeconds(6),
                        T0.plusSeconds(6 + 7 * 86400)));
        List<Recorded> history = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            history.add(new Recorded(events.get(sequence), sequence, T0.plusSeconds(sequence)));
        }
        return history;
    }

    private void apply(Recorded recorded) {
        AccountEvent event = recorded.event();
        long sequence = recorded.sequence();
        Instant at = recorded.at();
        if (event instanceof AccountRegistered e) {
            projection.on(e, sequence, at);
        } else if (event instanceof UserRenamed e) {
            projection.on(e, sequence, at);
        } else if (event instanceof EmailChanged e) {
            projection.on(e, sequence, at);
        } else if (event instanceof AvatarChanged e) {
            projection.on(e, sequence, at);
        } else if (event instanceof TokenGenerated e) {
            projection.on(e, sequence, at);
        } else if (event instanceof TokenDeleted e) {
            projection.on(e, sequence, at);
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
    }

    private TokenGenerated tokenGenerated() {
        return new TokenGenerated(accountId, tokenId, TOKEN_HASH, "x9Qz", T0, T0.plusSeconds(30 * 86400));
    }

    private static EventMessage<?> event(UUID account, long sequence, AccountEvent payload) {
        return new GenericDomainEventMessage<>("Account", account.toString(), sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), T0.plusSeconds(sequence));
    }

    private Map<String, Object> row() {
        entityManager.flush();
        entityManager.clear();
        return jdbc.queryForMap("SELECT * FROM query_side.account_view WHERE account_id = ?", accountId);
    }

    private static Instant instant(Map<String, Object> row, String column) {
        return ((Timestamp) row.get(column)).toInstant();
    }
}
