package com.eoc.accounts.command.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer.SharedPostgres;
import com.eoc.accounts.localpostgres.LocalPostgres;
import com.eoc.accounts.platform.security.ApiTokenFormat;
import com.eoc.accounts.platform.security.ApiTokenIndex;
import com.eoc.accounts.platform.security.ApiTokenIndex.IndexedToken;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The API token index on a real PostgreSQL (its own database, migrated as the command side does):
 * how a token is found (by its hint, then its hash), and that noting its use writes at most once per
 * {@link ApiTokenIndex#LAST_USED_PRECISION}, whichever node notes it.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiTokenIndexTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Duration PRECISION = ApiTokenIndex.LAST_USED_PRECISION;

    private static JdbcClient jdbc;

    private ApiTokenIndex index;
    private String token;
    private UUID accountId;

    @BeforeAll
    static void database() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(SharedPostgres.createDatabase(), LocalPostgres.USER, "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/eventstore", "classpath:db/credentials")
                .load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @BeforeEach
    void aToken() {
        index = new ApiTokenIndex(jdbc);
        token = ApiTokenFormat.generate();
        accountId = UUID.randomUUID();
        index(accountId, token);
    }

    @Test
    void aTokenIsFoundByItsHash() {
        IndexedToken found = index.find(token).orElseThrow();

        assertThat(found.accountId()).isEqualTo(accountId);
        assertThat(found.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(29)));
        assertThat(found.lastUsedAt()).isNull();
    }

    @Test
    void aTypoOrAnUnknownTokenIsNotFound() {
        char changed = token.charAt(10) == 'a' ? 'b' : 'a';

        assertThat(index.find(token.substring(0, 10) + changed + token.substring(11))).isEmpty();
        assertThat(index.find(ApiTokenFormat.generate())).isEmpty();
        assertThat(index.find(ApiTokenFormat.hash(token))).as("the hash is no token").isEmpty();
        assertThat(index.find(null)).isEmpty();
    }

    @Test
    void tokensSharingAHintAreToldApartByTheirHash() {
        List<String> sameHint = tokensWithOneHint(3);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        index(first, sameHint.get(0));
        index(second, sameHint.get(1));

        assertThat(index.find(sameHint.get(0))).map(IndexedToken::accountId).contains(first);
        assertThat(index.find(sameHint.get(1))).map(IndexedToken::accountId).contains(second);
        assertThat(index.find(sameHint.get(2))).as("a well-formed token with their hint but a hash in no row")
                .isEmpty();
    }

    @Test
    void theFirstUseIsNoted() {
        index.recordUse(index.find(token).orElseThrow(), NOW);

        assertThat(lastUsedAt()).isEqualTo(NOW);
        assertThat(index.lastUsedAt(accountId, index.find(token).orElseThrow().tokenId())).contains(NOW);
    }

    @Test
    void aUseWithinThePrecisionOfTheLastWritesNothing() {
        setLastUsedAt(NOW.minus(PRECISION).plusMillis(1));
        long version = rowVersion();

        index.recordUse(index.find(token).orElseThrow(), NOW);

        assertThat(lastUsedAt()).isEqualTo(NOW.minus(PRECISION).plusMillis(1));
        assertThat(rowVersion()).as("the row was not written").isEqualTo(version);
    }

    @Test
    void aUseAPrecisionAfterTheLastIsNoted() {
        setLastUsedAt(NOW.minus(PRECISION));

        index.recordUse(index.find(token).orElseThrow(), NOW);

        assertThat(lastUsedAt()).isEqualTo(NOW);
    }

    @Test
    void ofTwoNodesNotingOneUseOnlyTheFirstWrites() {
        IndexedToken seenByBoth = index.find(token).orElseThrow();
        index.recordUse(seenByBoth, NOW);
        long version = rowVersion();

        index.recordUse(seenByBoth, NOW.plusSeconds(1));

        assertThat(lastUsedAt()).isEqualTo(NOW);
        assertThat(rowVersion()).as("the second node's update matched no row").isEqualTo(version);
    }

    @Test
    void aTokenInConstantUseIsWrittenOncePerPrecision() {
        long version = rowVersion();
        int writes = 0;
        for (Instant use = NOW; use.isBefore(NOW.plus(Duration.ofHours(1))); use = use.plusSeconds(30)) {
            index.recordUse(index.find(token).orElseThrow(), use);
            long after = rowVersion();
            writes += after == version ? 0 : 1;
            version = after;
        }

        assertThat(writes).isEqualTo((int) (Duration.ofHours(1).toMinutes() / PRECISION.toMinutes()));
    }

    @Test
    void aUseThatCannotBeWrittenFailsNothingAndLogsNoSecret(CapturedOutput output) {
        IndexedToken found = index.find(token).orElseThrow();
        refuseUpdatesOfTheRow();

        index.recordUse(found, NOW);

        assertThat(jdbc.sql("SELECT last_used_at IS NULL FROM credentials.api_token WHERE account_id = ?")
                .param(accountId).query(Boolean.class).single()).as("nothing was written").isTrue();
        String warning = output.getAll().lines().filter(line -> line.contains("WARN")).reduce("", String::concat);
        assertThat(warning).contains("Could not record the use of API token " + found.tokenId())
                .contains(accountId.toString())
                .doesNotContain(token)
                .doesNotContain(ApiTokenFormat.hash(token))
                .doesNotContain(token.substring(ApiTokenFormat.PREFIX.length(), ApiTokenFormat.PREFIX.length() + 12));
        assertThat(index.find(token)).as("the index still answers").isPresent();
    }

    /** Indexes {@code token} for the account as TokenGenerated does: made a day ago, valid for 29 more. */
    private void index(UUID account, String token) {
        index.index(account, UUID.randomUUID(), ApiTokenFormat.hash(token), ApiTokenFormat.hint(token),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)));
    }

    /**
     * Distinct well-formed tokens that all end in the same hint. A hint has 62^4 values, so of a few
     * hundred thousand random tokens some three share one (the birthday paradox, for three).
     */
    private static List<String> tokensWithOneHint(int count) {
        Map<String, List<String>> byHint = new HashMap<>();
        while (true) {
            String token = ApiTokenFormat.generate();
            List<String> tokens = byHint.computeIfAbsent(ApiTokenFormat.hint(token), hint -> new ArrayList<>());
            tokens.add(token);
            if (tokens.size() == count) {
                return tokens;
            }
        }
    }

    /**
     * A database that refuses to write this test's token row, as a read-only or full one would. The
     * database is this class's own, and the other tests' rows are other accounts'.
     */
    private void refuseUpdatesOfTheRow() {
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'could not write the row'; END $$""").update();
        jdbc.sql("CREATE TRIGGER refuse_write_" + accountId.toString().replace('-', '_')
                + " BEFORE UPDATE ON credentials.api_token FOR EACH ROW WHEN (OLD.account_id = '" + accountId
                + "') EXECUTE FUNCTION refuse_write()").update();
    }

    private Instant lastUsedAt() {
        return jdbc.sql("SELECT last_used_at FROM credentials.api_token WHERE account_id = ?").param(accountId)
                .query(Timestamp.class).single().toInstant();
    }

    private void setLastUsedAt(Instant at) {
        jdbc.sql("UPDATE credentials.api_token SET last_used_at = ? WHERE account_id = ?")
                .param(Timestamp.from(at)).param(accountId).update();
    }

    /** PostgreSQL's transaction id of the row's current version: it changes with every write of the row. */
    private long rowVersion() {
        return jdbc.sql("SELECT xmin::text::bigint FROM credentials.api_token WHERE account_id = ?").param(accountId)
                .query(Long.class).single();
    }
}
