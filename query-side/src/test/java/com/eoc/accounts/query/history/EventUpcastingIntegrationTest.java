package com.eoc.accounts.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import com.eoc.accounts.query.QuerySideHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Old events stay readable when an event gains a field. A revision-1 event is stored as an older
 * release wrote it, straight into the real event table; the current code knows only revision 2,
 * which added a field. An upcaster declared as a Spring bean, as a production one would be, is
 * picked up by Axon's auto-configuration into {@code configuration.upcasterChain()}, which the
 * query side's JDBC storage engine applies on every read: by aggregate (history, as-of) and as a
 * stream (projections).
 *
 * <p>The real case: {@link AccountRegistered} gained its {@code subject} in revision 2, and the
 * platform's upcaster reads a revision-1 registration with the account id as subject. The
 * test-only type shows the mechanism apart from any rule of the domain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class EventUpcastingIntegrationTest {

    /** Revision 2 added {@code language}; events stored before it have none. */
    @Revision("2")
    record ContactPreferenceSet(UUID accountId, String channel, String language) {
    }

    /** What events written before {@code language} existed mean: they were all in English. */
    static final String LANGUAGE_OF_REVISION_1 = "en";

    static final class ContactPreferenceSetRevision1To2 extends SingleEventUpcaster {

        private static final SerializedType REVISION_1 =
                new SimpleSerializedType(ContactPreferenceSet.class.getName(), "1");
        private static final SerializedType REVISION_2 =
                new SimpleSerializedType(ContactPreferenceSet.class.getName(), "2");

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return REVISION_1.equals(representation.getType());
        }

        /** Jackson 3's ObjectNode: Axon's Jackson3Serializer converts the stored bytes to it. */
        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(REVISION_2, ObjectNode.class,
                    payload -> payload.put("language", LANGUAGE_OF_REVISION_1));
        }
    }

    /** Nested, so Spring adds it to this test's context only. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Upcasters {
        @Bean
        EventUpcaster contactPreferenceSetRevision1To2() {
            return new ContactPreferenceSetRevision1To2();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    JdbcTemplate jdbc;

    private final UUID accountId = UUID.randomUUID();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void storedRevisionOneEventIsReadByAggregateAsRevisionTwoWithTheNewFieldDefaulted() {
        insertStored(0, ContactPreferenceSet.class.getName(), "1",
                "{\"accountId\":\"" + accountId + "\",\"channel\":\"email\"}");

        List<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(accountId.toString(), 0).asStream().toList();

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getPayload()).isEqualTo(new ContactPreferenceSet(accountId, "email", "en"));
            assertThat(event.getMetaData()).containsEntry("actor", "legacy-release");
        });
        // upcasting happens on reading; what was stored is never rewritten
        assertThat(jdbc.queryForObject("SELECT payload_revision FROM eventstore.domain_event_entry"
                + " WHERE aggregate_identifier = ?", String.class, accountId.toString())).isEqualTo("1");
    }

    @Test
    void storedRevisionOneEventReachesStreamingReadersAsRevisionTwo() {
        insertStored(0, ContactPreferenceSet.class.getName(), "1",
                "{\"accountId\":\"" + accountId + "\",\"channel\":\"sms\"}");

        List<Object> payloads = storageEngine.readEvents(null, false)
                .filter(event -> event instanceof DomainEventMessage<?> domain
                        && domain.getAggregateIdentifier().equals(accountId.toString()))
                .<Object>map(EventMessage::getPayload).toList();

        assertThat(payloads).containsExactly(new ContactPreferenceSet(accountId, "sms", "en"));
    }

    @Test
    void currentRevisionIsStoredAsRevisionTwoAndReadBackUntouched() {
        storageEngine.appendEvents(new GenericDomainEventMessage<>("Account", accountId.toString(), 0,
                new ContactPreferenceSet(accountId, "email", "de")));

        assertThat(jdbc.queryForObject("SELECT payload_revision FROM eventstore.domain_event_entry"
                + " WHERE aggregate_identifier = ?", String.class, accountId.toString())).isEqualTo("2");
        assertThat(eventStore.readEvents(accountId.toString(), 0).asStream().<Object>map(EventMessage::getPayload))
                .containsExactly(new ContactPreferenceSet(accountId, "email", "de"));
    }

    @Test
    void aStoredRevisionOneRegistrationIsReadWithTheAccountIdAsSubjectAndProjectedSo() throws Exception {
        insertStored(0, AccountRegistered.class.getName(), "1", "{\"accountId\":\"" + accountId
                + "\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\"}");

        assertThat(eventStore.readEvents(accountId.toString(), 0).asStream().<Object>map(EventMessage::getPayload))
                .containsExactly(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com",
                        accountId.toString()));
        HttpResponse<String> view = QuerySideHttp.awaitVersion(port, accountId, 0);
        assertThat(json.readTree(view.body()).get("subject").asString()).isEqualTo(accountId.toString());
    }

    /**
     * A newer command side may write an event type that this side has no class for yet: the
     * history still lists it by name, without data (it might hold anything), and the as-of state
     * is folded from the events this side knows.
     */
    @Test
    void historyNamesAnEventTypeThisSideDoesNotKnowAndShowsNoDataOfIt() throws Exception {
        storageEngine.appendEvents(new GenericDomainEventMessage<>("Account", accountId.toString(), 0,
                new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com")));
        insertStored(1, "com.eoc.accounts.events.AccountArchived", "1",
                "{\"accountId\":\"" + accountId + "\",\"reason\":\"left the company\"}");

        HttpResponse<String> history = get("/api/accounts/" + accountId + "/history");
        HttpResponse<String> asOf = get("/api/accounts/" + accountId + "/history?asOf=" + Instant.now());

        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        JsonNode unknown = json.readTree(history.body()).get(1);
        assertThat(unknown.get("sequence").asLong()).isEqualTo(1);
        assertThat(unknown.get("type").asString()).isEqualTo("AccountArchived");
        assertThat(unknown.get("actor").asString()).isEqualTo("legacy-release");
        assertThat(unknown.get("data").isNull()).isTrue();
        assertThat(asOf.statusCode()).as(asOf.body()).isEqualTo(200);
        assertThat(json.readTree(asOf.body()).get("lastName").asString()).isEqualTo("Lovelace");
    }

    /** A row as Axon's JDBC storage engine writes it, with a payload of an older release. */
    private void insertStored(long sequence, String payloadType, String revision, String payload) {
        jdbc.update("""
                INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, 'Account', ?, ?, ?, ?, ?)""",
                UUID.randomUUID().toString(), accountId.toString(), sequence,
                DateTimeUtils.formatInstant(Instant.now().minusSeconds(60)), payloadType, revision,
                payload.getBytes(StandardCharsets.UTF_8),
                "{\"actor\":\"legacy-release\"}".getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return QuerySideHttp.get(port, path);
    }
}
