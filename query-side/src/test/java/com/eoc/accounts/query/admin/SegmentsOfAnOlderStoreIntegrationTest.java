package com.eoc.accounts.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The number of segments is fixed when a processor first starts: a store started when the
 * default was four segments keeps four. With the default thread counts a node must still work
 * on all of them; a segment without a thread would leave its accounts' views standing still.
 */
@SpringBootTest(properties = "axon.eventhandling.processors.accounts.initial-segment-count=4")
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class SegmentsOfAnOlderStoreIntegrationTest {

    @Autowired
    EventProcessingConfiguration eventProcessing;

    @Test
    void everySegmentOfAStoreStartedWithMoreSegmentsIsWorkedOn() {
        TrackingEventProcessor accounts = eventProcessing.eventProcessor("accounts", TrackingEventProcessor.class)
                .orElseThrow();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(accounts.processingStatus()).hasSize(4));
    }
}
