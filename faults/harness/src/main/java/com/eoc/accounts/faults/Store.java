package com.eoc.accounts.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.eoc.accounts.harness.Json;

/**
 * The event store as the truth: what each account's events say it is, and whether every
 * acknowledged command is in it exactly once, without gaps, with the command side's indexes
 * (email addresses, API tokens) agreeing.
 */
final class Store {

    /** An account as its events make it. */
    record Account(long version, String firstName, String lastName, String email, String tokenId) {
    }

    /** What the store says about a load's acknowledged commands. */
    record Check(int acknowledged, int lost, int duplicated, int gaps, int emailIndexMismatches,
                 int tokenIndexMismatches, List<String> examples) {

        boolean clean() {
            return lost == 0 && duplicated == 0 && gaps == 0 && emailIndexMismatches == 0 && tokenIndexMismatches == 0;
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("acknowledged", acknowledged);
            figures.put("lost", lost);
            figures.put("duplicated", duplicated);
            figures.put("sequence_gaps", gaps);
            figures.put("email_index_mismatches", emailIndexMismatches);
            figures.put("token_index_mismatches", tokenIndexMismatches);
            if (!examples.isEmpty()) {
                figures.put("examples", String.join("; ", examples));
            }
            return figures;
        }
    }

    private record Event(long sequence, String type, String payload) {

        /** The unique value a command of the load stored, or null for a registration. */
        String value() {
            return switch (type) {
                case "UserRenamed" -> Json.string(payload, "lastName");
                case "EmailChanged" -> Json.string(payload, "email");
                case "TokenGenerated" -> Json.string(payload, "tokenId");
                case "TokenDeleted" -> "deleted " + Json.string(payload, "tokenId");
                default -> null;
            };
        }
    }

    private final Cluster cluster;

    Store(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Every event of these accounts, by account, in sequence order. */
    private Map<UUID, List<Event>> events(Connection connection, List<UUID> accounts) throws SQLException {
        Map<UUID, List<Event>> events = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT aggregate_identifier, sequence_number, payload_type, convert_from(payload, 'UTF8')
                FROM eventstore.domain_event_entry WHERE aggregate_identifier = ANY (?)
                ORDER BY aggregate_identifier, sequence_number""")) {
            select.setArray(1, connection.createArrayOf("varchar", accounts.stream().map(UUID::toString).toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(3);
                    events.computeIfAbsent(UUID.fromString(rows.getString(1)), id -> new ArrayList<>())
                            .add(new Event(rows.getLong(2), type.substring(type.lastIndexOf('.') + 1), rows.getString(4)));
                }
            }
        }
        return events;
    }

    /** Each account as its events make it. */
    Map<UUID, Account> accounts(List<UUID> ids) throws SQLException {
        Map<UUID, Account> accounts = new HashMap<>();
        try (Connection connection = cluster.connect()) {
            events(connection, ids).forEach((id, events) -> {
                Account account = new Account(-1, null, null, null, null);
                for (Event event : events) {
                    String p = event.payload();
                    account = switch (event.type()) {
                        case "AccountRegistered" -> new Account(event.sequence(), Json.string(p, "firstName"),
                                Json.string(p, "lastName"), Json.string(p, "email"), null);
                        case "UserRenamed" -> new Account(event.sequence(), Json.string(p, "firstName"),
                                Json.string(p, "lastName"), account.email(), account.tokenId());
                        case "EmailChanged" -> new Account(event.sequence(), account.firstName(), account.lastName(),
                                Json.string(p, "email"), account.tokenId());
                        case "TokenGenerated" -> new Account(event.sequence(), account.firstName(), account.lastName(),
                                account.email(), Json.string(p, "tokenId"));
                        case "TokenDeleted" -> new Account(event.sequence(), account.firstName(), account.lastName(),
                                account.email(), null);
                        default -> new Account(event.sequence(), account.firstName(), account.lastName(),
                                account.email(), account.tokenId());
                    };
                }
                accounts.put(id, account);
            });
        }
        return accounts;
    }

    /** Whether every acknowledged command is stored once, at the version it answered, with no gaps and true indexes. */
    Check check(List<UUID> ids, List<Load.Ack> acks) throws SQLException {
        List<String> examples = new ArrayList<>();
        int lost = 0;
        int duplicated = 0;
        int gaps = 0;
        try (Connection connection = cluster.connect()) {
            Map<UUID, List<Event>> events = events(connection, ids);
            for (Load.Ack ack : acks) {
                List<Event> stream = events.getOrDefault(ack.account(), List.of());
                Event at = stream.stream().filter(event -> event.sequence() == ack.version()).findFirst().orElse(null);
                boolean stored = at != null && switch (ack.kind()) {
                    case "delete" -> at.type().equals("TokenDeleted");
                    default -> Objects.equals(at.value(), ack.value());
                };
                if (!stored) {
                    lost++;
                    example(examples, "lost: " + ack);
                }
            }
            Map<String, Integer> values = new HashMap<>();
            for (Map.Entry<UUID, List<Event>> stream : events.entrySet()) {
                List<Event> list = stream.getValue();
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i).sequence() != i) {
                        gaps++;
                        example(examples, "gap: " + stream.getKey() + " holds sequence " + list.get(i).sequence() + " at " + i);
                        break;
                    }
                }
                for (Event event : list) {
                    if (event.value() != null) {
                        values.merge(event.value(), 1, Integer::sum);
                    }
                }
            }
            for (Map.Entry<String, Integer> value : values.entrySet()) {
                if (value.getValue() > 1) {
                    duplicated += value.getValue() - 1;
                    example(examples, "stored " + value.getValue() + " times: " + value.getKey());
                }
            }
            int emails = mismatches(connection, EMAIL_INDEX, ids);
            int tokens = mismatches(connection, TOKEN_INDEX, ids);
            return new Check(acks.size(), lost, duplicated, gaps, emails, tokens, examples);
        }
    }

    /**
     * Accounts whose email index row is not their last email event's address (lower-cased, as the
     * index keys it), or that have more or fewer than one row.
     */
    private static final String EMAIL_INDEX = """
            WITH last_email AS (
                SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier::uuid AS account_id,
                       lower(convert_from(payload, 'UTF8')::jsonb ->> 'email') AS email_key
                FROM eventstore.domain_event_entry
                WHERE aggregate_identifier = ANY (?) AND payload_type IN
                      ('com.eoc.accounts.events.AccountRegistered', 'com.eoc.accounts.events.EmailChanged')
                ORDER BY aggregate_identifier, sequence_number DESC)
            SELECT count(*) FROM last_email e
            WHERE (SELECT count(*) FROM command_side.email_index i WHERE i.account_id = e.account_id) <> 1
               OR NOT EXISTS (SELECT 1 FROM command_side.email_index i
                              WHERE i.account_id = e.account_id AND i.email_key = e.email_key)""";

    /**
     * Accounts whose token index disagrees with their last token event: a row for a token that
     * was deleted, none (or another) for the token generated last.
     */
    private static final String TOKEN_INDEX = """
            WITH last_token AS (
                SELECT a.id AS account_id, t.payload_type, t.payload
                FROM unnest(?::uuid[]) AS a(id)
                LEFT JOIN LATERAL (
                    SELECT payload_type, convert_from(payload, 'UTF8')::jsonb AS payload
                    FROM eventstore.domain_event_entry
                    WHERE aggregate_identifier = a.id::text AND payload_type IN
                          ('com.eoc.accounts.events.TokenGenerated', 'com.eoc.accounts.events.TokenDeleted')
                    ORDER BY sequence_number DESC LIMIT 1) t ON true)
            SELECT count(*) FROM last_token l LEFT JOIN credentials.api_token i ON i.account_id = l.account_id
            WHERE CASE WHEN l.payload_type = 'com.eoc.accounts.events.TokenGenerated'
                       THEN i.token_id IS DISTINCT FROM (l.payload ->> 'tokenId')::uuid
                            OR i.token_hash IS DISTINCT FROM l.payload ->> 'tokenHash'
                       ELSE i.account_id IS NOT NULL END""";

    private static int mismatches(Connection connection, String sql, List<UUID> ids) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("varchar", ids.stream().map(UUID::toString).toArray()));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Which node (by the owner Axon writes: the process id first) holds each segment of a processor. */
    Map<Integer, String> segmentOwners(String processor) throws SQLException {
        Map<Integer, String> owners = new LinkedHashMap<>();
        try (Connection connection = cluster.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT segment, owner FROM query_side.token_entry WHERE processor_name = ? ORDER BY segment")) {
            select.setString(1, processor);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    owners.put(rows.getInt(1), rows.getString(2));
                }
            }
        }
        return owners;
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < 5) {
            examples.add(example);
        }
    }
}
