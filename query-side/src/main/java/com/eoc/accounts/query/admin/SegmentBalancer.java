package com.eoc.accounts.query.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Shares each streaming processor's segments among the query-side nodes that run it. A tracking
 * processor claims every segment it has a thread for, and without Axon Server nothing tells it
 * that another node is there; so every {@code balance-interval} this node says which processors
 * it runs ({@link ProcessorNodes#announce}) and, for each, compares the segments it holds with
 * its fair share, the segments divided by the live nodes, rounded up. It releases the surplus
 * with the processor's own {@link StreamingEventProcessor#releaseSegment(int, long, TimeUnit)}:
 * the segment's claim is given up and this node does not claim it again for one claim timeout,
 * while the other nodes claim it as they look for free segments. Taking over a dead node's
 * segments needs nothing from here: its claims lapse, and the live nodes' processors claim them.
 *
 * <p>It cannot flap. Only a node above its share releases, and only down to it, so two nodes
 * never hand segments back and forth. A release that nobody took (the segment is this node's or
 * nobody's again once the release ends) is tried again only after a wait that doubles each time,
 * so a node that says it is live but claims nothing costs a pause of the segment now and then,
 * not every few seconds. A released segment stands still for at most one claim timeout, as long
 * as a takeover after a crash.
 *
 * <p>The same mechanism as Axon's pooled processor ({@code maxSegmentProvider}), which would
 * need the same count of live nodes; the tracking processor stays for its lower latency
 * (application.yml).
 */
@Component
class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    private final EventProcessingConfiguration eventProcessing;
    private final ProcessorNodes nodes;
    private final Duration releaseDuration;
    private final Duration interval;
    private final Clock clock;
    private final Map<String, Releases> releases = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private boolean databaseFailing;

    @Autowired
    SegmentBalancer(EventProcessingConfiguration eventProcessing, ProcessorNodes nodes,
                    @Value("${accounts.processors.claim-timeout}") Duration claimTimeout,
                    @Value("${accounts.processors.balance-interval}") Duration interval) {
        this(eventProcessing, nodes, claimTimeout, interval, Clock.systemUTC());
    }

    SegmentBalancer(EventProcessingConfiguration eventProcessing, ProcessorNodes nodes, Duration claimTimeout,
                    Duration interval, Clock clock) {
        this.eventProcessing = eventProcessing;
        this.nodes = nodes;
        this.releaseDuration = claimTimeout;
        this.interval = interval;
        this.clock = clock;
    }

    /** One look: say which processors run here, then release what is above this node's share. */
    void balance() {
        Map<String, StreamingEventProcessor> running = running();
        try {
            nodes.announce(running.keySet());
            Map<String, Integer> liveNodes = nodes.liveNodes();
            Map<String, List<SegmentClaim>> claims = nodes.claims();
            running.forEach((name, processor) -> balance(processor,
                    liveNodes.getOrDefault(name, 1), claims.getOrDefault(name, List.of())));
            if (databaseFailing) {
                log.info("Sharing the event processors' segments again: the database answers");
                databaseFailing = false;
            }
        } catch (RuntimeException e) {
            // the processors go on with what they hold; a takeover needs none of this
            if (!databaseFailing) {
                log.warn("Cannot share the event processors' segments until the database answers: {}", e.toString());
                databaseFailing = true;
            }
        }
    }

    private void balance(StreamingEventProcessor processor, int liveNodes, List<SegmentClaim> segments) {
        String name = processor.getName();
        Instant now = clock.instant();
        Releases released = releases.computeIfAbsent(name, ignored -> new Releases());
        if (released.pending != null) {
            if (now.isBefore(released.pendingUntil)) {
                return;
            }
            judge(name, released, segments, now);
        }
        if (now.isBefore(released.quietUntil)) {
            return;
        }
        Set<Integer> held = processor.processingStatus().keySet();
        int share = fairShare(segments.size(), liveNodes);
        if (held.size() <= share) {
            return;
        }
        List<Integer> surplus = held.stream().sorted(Comparator.reverseOrder()).limit(held.size() - share).toList();
        surplus.forEach(segment -> processor.releaseSegment(segment, releaseDuration.toMillis(), TimeUnit.MILLISECONDS));
        released.pending = Set.copyOf(surplus);
        released.pendingUntil = now.plus(releaseDuration);
        log.info("Event processor {}: releasing segments {} for the other nodes ({} live nodes share {} segments, "
                + "this node held {})", name, surplus, liveNodes, segments.size(), held.size());
    }

    /** Once a release has ended: did another node take a released segment? */
    private void judge(String name, Releases released, List<SegmentClaim> segments, Instant now) {
        boolean taken = segments.stream().anyMatch(claim -> released.pending.contains(claim.segment())
                && claim.claimed() && !nodes.node().equals(claim.owner()));
        if (taken) {
            released.futile = 0;
            released.quietUntil = now;
        } else {
            released.futile++;
            Duration wait = releaseDuration.multipliedBy(1L << Math.min(released.futile, 16));
            released.quietUntil = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
            log.info("Event processor {}: no other node took segments {}; releasing again after {}",
                    name, released.pending, Duration.between(now, released.quietUntil));
        }
        released.pending = null;
    }

    static int fairShare(int segments, int liveNodes) {
        return (segments + Math.max(liveNodes, 1) - 1) / Math.max(liveNodes, 1);
    }

    private Map<String, StreamingEventProcessor> running() {
        Map<String, StreamingEventProcessor> running = new TreeMap<>();
        eventProcessing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                running.put(name, streaming);
            }
        });
        return running;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::balance, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops first of all (the highest phase), while the database is still there to hear it. */
    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            nodes.withdraw();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not tell the other nodes that this one stops: {}", e.toString());
        } finally {
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** What this node released of one processor, and when it may release again. */
    private static final class Releases {
        private Set<Integer> pending;
        private Instant pendingUntil = Instant.MIN;
        private Instant quietUntil = Instant.MIN;
        private int futile;
    }
}
