package com.eoc.accounts.query.history;

import com.eoc.accounts.query.account.AccountResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For auditors: an account's events as recorded, and its state as it stood at an instant. */
@RestController
@RequestMapping("/api/accounts/{id}/history")
class HistoryController {

    private final AccountHistory history;

    HistoryController(AccountHistory history) {
        this.history = history;
    }

    @GetMapping
    @Operation(summary = "Every event of the account in order, or its state as of an instant (with asOf)",
            description = "Read from the event store, not from a view. Without asOf: "
                    + "[{sequence, type, occurredAt, actor, correlationId, data}], data never holding a token "
                    + "or its hash. With asOf: the account's state at that instant (events up to and including it), "
                    + "in the shape of GET /api/accounts/{id}, its token's status judged as of that instant; "
                    + "404 if it was not registered yet.")
    @Parameter(name = "asOf", in = ParameterIn.QUERY, required = false,
            description = "ISO-8601 instant, e.g. 2026-11-28T12:00:00Z: answer the account's state then instead",
            schema = @Schema(type = "string", format = "date-time"))
    List<HistoryEntry> history(@PathVariable UUID id) {
        return history.events(id);
    }

    /**
     * The ETag is the version the account had then, as {@code GET /api/accounts/{id}} gives it.
     * springdoc merges this method into the one above, whose description of {@code asOf} (optional)
     * stands for both.
     */
    @GetMapping(params = "asOf")
    ResponseEntity<AccountResponse> asOf(@PathVariable UUID id,
                                         @Parameter(hidden = true) @RequestParam Instant asOf) {
        AccountResponse state = history.stateAsOf(id, asOf);
        return ResponseEntity.ok().eTag(Long.toString(state.version())).body(state);
    }
}
