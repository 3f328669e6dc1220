package com.eoc.accounts.query.history;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

import com.eoc.accounts.platform.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** For auditors: everything one actor did, across accounts, a page at a time. */
@RestController
@Tag(name = "Audit")
class ActorHistoryController {

    static final int MAX_LIMIT = 1000;

    private final ActorActivity activity;

    ActorHistoryController(ActorActivity activity) {
        this.activity = activity;
    }

    @GetMapping("/api/history")
    @Operation(operationId = "actorHistory", summary = "Every event that one actor caused, across accounts",
            description = "In the order they were recorded, read from the event store: the events of the commands"
                    + " whose caller was this actor (a JWT's sub, as each history entry's actor names it), each with"
                    + " its account and its position in the whole log. A page holds at most limit events after"
                    + " position after; while a page is full, the Link header names the next one.")
    @ApiResponse(responseCode = "200", description = "A page of the actor's events, oldest first",
            useReturnTypeSchema = true, headers = @Header(name = "Link", description = "<next page>; rel=\"next\","
                    + " while this page is full", schema = @Schema(type = "string")))
    @ProblemResponse(status = BAD_REQUEST, types = "invalid-parameter")
    ResponseEntity<List<ActivityEntry>> history(
            @Parameter(description = "The actor: the sub of the JWT that issued the commands")
            @RequestParam @NotBlank(message = "must not be blank") String actor,
            @Parameter(description = "The position after which the page starts (the last position of the page"
                    + " before); 0 for the first page")
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") long after,
            @Parameter(description = "The most events on the page")
            @RequestParam(defaultValue = "100") @Min(value = 1, message = "must be at least {value}")
            @Max(value = MAX_LIMIT, message = "must be at most {value}") int limit) {
        ActorActivity.Page page = activity.after(actor, after, limit);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        page.next().ifPresent(next -> answer.header(HttpHeaders.LINK, NextPage.link(UriComponentsBuilder
                .fromPath("/api/history").queryParam("actor", actor).queryParam("after", next)
                .queryParam("limit", limit))));
        return answer.body(page.events());
    }
}
