package com.eoc.accounts.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A processor that starts on a store that already has events, or replays, keeps a
 * {@link ReplayToken} in the token table: it must read back, or the processor stops.
 */
@SpringBootTest
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class TokenSerializationTest {

    @Autowired
    Serializer serializer;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aReplayTokenSurvivesTheSerializerRoundTrip() {
        TrackingToken replay = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(41),
                new GlobalSequenceTrackingToken(3));

        TrackingToken read = serializer.deserialize(serializer.serialize(replay, byte[].class));

        assertThat(read).isEqualTo(replay);
    }

    @Test
    void aReplayTokenStoredInTheTokenTableReadsBack() {
        TrackingToken replay = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(7));
        String processor = "token-serialization-test";

        transactions.executeWithoutResult(status -> {
            tokenStore.initializeTokenSegments(processor, 1);
            tokenStore.storeToken(replay, processor, 0);
        });
        TrackingToken read = transactions.execute(status -> tokenStore.fetchToken(processor, 0));

        assertThat(read).isEqualTo(replay);
    }
}
