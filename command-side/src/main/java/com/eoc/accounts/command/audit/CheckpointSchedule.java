package com.eoc.accounts.command.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signs a checkpoint every {@code accounts.audit.checkpoint-interval} when events were appended
 * since the latest: the longest an event waits before an export of its account verifies. Each
 * command-side node does it; of two signing the same position, one row stays.
 */
@Component
class CheckpointSchedule {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final Checkpoints checkpoints;

    CheckpointSchedule(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(fixedDelayString = "${accounts.audit.checkpoint-interval}",
            initialDelayString = "${accounts.audit.checkpoint-interval}")
    void signWhenBehind() {
        try {
            if (checkpoints.isBehind()) {
                checkpoints.signIfBehind();
            }
        } catch (RuntimeException e) {
            // the database is away, or the lock was not granted in time: the next turn tries again
            log.warn("Could not sign a checkpoint this time: {}", e.getClass().getSimpleName());
        }
    }
}
