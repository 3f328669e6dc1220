package com.eoc.accounts.query.admin;

import com.eoc.accounts.query.config.QueryNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The query-side nodes as the database knows them: which nodes say they run which event
 * processor ({@code query_side.event_processor_node}), and which node owns each segment
 * ({@code query_side.token_entry}, Axon's token table, only read here).
 */
@Repository
class ProcessorNodes {

    /** The token store's own row (Axon's configuration token), not a processor's segment. */
    private static final String TOKEN_STORE_IDENTITY = "__config";

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final String node;
    private final Duration claimTimeout;
    private final Clock clock;

    ProcessorNodes(JdbcClient jdbc, Serializer serializer, QueryNode node,
                   @Value("${accounts.processors.claim-timeout}") Duration claimTimeout) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.node = node.name();
        this.claimTimeout = claimTimeout;
        // a claim's timestamp is written with the owner's clock (Axon's), so it is judged by this
        // node's clock as Axon judges it, not the database's
        this.clock = Clock.systemUTC();
    }

    /**
     * Says that this node runs these processors (and no other), and forgets the nodes that have
     * not said so within the claim timeout. In one transaction: the others never see this node
     * missing in between.
     */
    @Transactional
    public void announce(Collection<String> processors) {
        jdbc.sql("""
                        DELETE FROM query_side.event_processor_node
                         WHERE node = :node OR seen_at < now() - :timeout * INTERVAL '1 millisecond'""")
                .param("node", node)
                .param("timeout", claimTimeout.toMillis())
                .update();
        for (String processor : processors) {
            jdbc.sql("""
                            INSERT INTO query_side.event_processor_node (processor_name, node, seen_at)
                            VALUES (:processor, :node, now())""")
                    .param("processor", processor)
                    .param("node", node)
                    .update();
        }
    }

    /** This node no longer runs any processor: the others need not wait for the timeout to know it. */
    @Transactional
    public void withdraw() {
        jdbc.sql("DELETE FROM query_side.event_processor_node WHERE node = :node").param("node", node).update();
    }

    /** How many nodes run each processor, as they have said within the claim timeout. */
    Map<String, Integer> liveNodes() {
        Map<String, Integer> nodes = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT processor_name, count(*) AS nodes FROM query_side.event_processor_node
                         WHERE seen_at >= now() - :timeout * INTERVAL '1 millisecond'
                         GROUP BY processor_name""")
                .param("timeout", claimTimeout.toMillis())
                .query(rs -> {
                    nodes.put(rs.getString("processor_name"), rs.getInt("nodes"));
                });
        return nodes;
    }

    /** Every processor's segments in the order of their ids, with their owners and positions. */
    Map<String, List<SegmentClaim>> claims() {
        Instant lapsedBefore = clock.instant().minus(claimTimeout);
        Map<String, List<SegmentClaim>> claims = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT processor_name, segment, owner, timestamp, token, token_type
                          FROM query_side.token_entry
                         WHERE processor_name <> :identity
                         ORDER BY processor_name, segment""")
                .param("identity", TOKEN_STORE_IDENTITY)
                .query(rs -> {
                    String owner = rs.getString("owner");
                    String timestamp = rs.getString("timestamp");
                    boolean claimed = owner != null && timestamp != null
                            && DateTimeUtils.parseInstant(timestamp).isAfter(lapsedBefore);
                    claims.computeIfAbsent(rs.getString("processor_name"), name -> new ArrayList<>())
                            .add(new SegmentClaim(rs.getInt("segment"), owner, claimed,
                                    position(rs.getBytes("token"), rs.getString("token_type"))));
                });
        return claims;
    }

    String node() {
        return node;
    }

    private Long position(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null || tracking.position().isEmpty() ? null : tracking.position().getAsLong();
    }
}
