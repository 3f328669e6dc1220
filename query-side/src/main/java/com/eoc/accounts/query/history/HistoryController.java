package com.eoc.accounts.query.history;

import com.eoc.accounts.auditproof.HistoryExport;
import com.eoc.accounts.platform.openapi.ProblemResponse;
import com.eoc.accounts.query.account.AccountResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** For auditors: an account's events as recorded, and its state as it stood at an instant. */
@RestController
@RequestMapping("/api/accounts/{id}/history")
@Tag(name = "Audit", description = "An account's events as recorded, for auditors and administrators")
class HistoryController {

    private final AccountHistory history;
    private final HistoryExporter exporter;

    HistoryController(AccountHistory history, HistoryExporter exporter) {
        this.history = history;
        this.exporter = exporter;
    }

    @GetMapping("/export")
    @Operation(operationId = "exportHistory",
            summary = "The account's events as stored, with their hash chain and the latest checkpoint's proofs",
            description = "For offline verification: java -jar audit-proof/target/audit-verifier.jar --public-key "
                    + "<key.pem> <export.json> (docs/audit.md). Each event as its row stores it, with its chain link; "
                    + "the payload of an event that holds a credential (TokenGenerated) is left out, its digest "
                    + "given. An event appended after the latest checkpoint has no proof yet: the verifier names it "
                    + "until the next checkpoint covers it.")
    @ApiResponse(responseCode = "200", description = "The export",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HistoryExport.class)),
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=history-<id>.json",
                    schema = @Schema(type = "string")))
    @ProblemResponse(status = HttpStatus.NOT_FOUND, types = "account-not-found")
    ResponseEntity<HistoryExport> export(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("history-" + id + ".json").build().toString())
                .body(exporter.export(id));
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
    @ApiResponse(responseCode = "200", description = "Without asOf, the events; with asOf, the account's state then",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(oneOf = {HistoryEntry[].class, AccountResponse.class})),
            headers = {@Header(name = "ETag", description = "With asOf: the version the account had then, quoted",
                    schema = @Schema(type = "string")),
                    @Header(name = "Link", description = "<next page>; rel=\"next\", while more events follow a"
                            + " page", schema = @Schema(type = "string"))})
    @ProblemResponse(status = HttpStatus.NOT_FOUND, types = "account-not-found")
    @ProblemResponse(status = HttpStatus.BAD_REQUEST, types = "invalid-parameter")
    ResponseEntity<List<HistoryEntry>> history(
            @PathVariable UUID id,
            @Parameter(description = "A page: the events after this sequence number (the last of the page before)")
            @RequestParam(required = false) @Min(value = 0, message = "must be 0 or more") Long after,
            @Parameter(description = "A page: at most this many events; while more follow, the Link header names"
                    + " the next page. Without after and limit: every event")
            @RequestParam(required = false) @Min(value = 1, message = "must be at least {value}")
            @Max(value = ActorHistoryController.MAX_LIMIT, message = "must be at most {value}") Integer limit) {
        if (after == null && limit == null) {
            return ResponseEntity.ok(history.events(id));
        }
        int size = limit == null ? ActorHistoryController.MAX_LIMIT : limit;
        AccountHistory.Page page = history.events(id, after == null ? -1 : after, size);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (page.more()) {
            long last = page.entries().get(page.entries().size() - 1).sequence();
            answer.header(HttpHeaders.LINK, NextPage.link(UriComponentsBuilder.fromPath("/api/accounts/" + id + "/history")
                    .queryParam("after", last).queryParam("limit", size)));
        }
        return answer.body(page.entries());
    }

    /**
     * The ETag is the version the account had then, as {@code GET /api/accounts/{id}} gives it.
     * One operation with the method above in the OpenAPI description, which describes both.
     */
    @GetMapping(params = "asOf")
    @Operation(hidden = true)
    ResponseEntity<AccountResponse> asOf(@PathVariable UUID id, @RequestParam Instant asOf) {
        AccountResponse state = history.stateAsOf(id, asOf);
        return ResponseEntity.ok().eTag(Long.toString(state.version())).body(state);
    }
}
