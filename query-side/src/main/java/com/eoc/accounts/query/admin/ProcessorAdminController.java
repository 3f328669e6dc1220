package com.eoc.accounts.query.admin;

import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE;

import com.eoc.accounts.platform.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** For operators (administrators): the event processors of this node, their replay and their dead letters. */
@RestController
@RequestMapping("/api/admin/processors")
@Tag(name = "Event processors", description = "What keeps the views: its position, segments and dead letters")
class ProcessorAdminController {

    private final ProcessorAdmin admin;

    ProcessorAdminController(ProcessorAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    @Operation(summary = "Every event processor: position, segments and their owners, dead letters",
            description = "As this node works on them, with every segment's owner as the token table has it")
    @ProblemResponse(status = SERVICE_UNAVAILABLE, types = "processor-state-unknown")
    List<ProcessorStatus> processors() {
        return admin.processors();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One event processor", description = "As in the list; follows a replay's progress")
    @ProblemResponse(status = NOT_FOUND, types = "processor-not-found")
    @ProblemResponse(status = SERVICE_UNAVAILABLE, types = "processor-state-unknown")
    ProcessorStatus processor(@PathVariable String name) {
        return admin.processor(name);
    }

    /** Accepted: the views are empty now and fill up again; the Location follows the replay. */
    @PostMapping("/{name}/replay")
    @Operation(summary = "Replay the processor from the first event: its views are cleared and filled again",
            description = "Its dead letters are dropped with the reset; no other node may be working on it")
    @ApiResponse(responseCode = "202", description = "The replay has begun; Location follows it",
            useReturnTypeSchema = true, headers = @Header(name = "Location", ref = "Location"))
    @ProblemResponse(status = NOT_FOUND, types = "processor-not-found")
    @ProblemResponse(status = CONFLICT, types = {"replay-not-supported", "segments-claimed-elsewhere"})
    @ProblemResponse(status = SERVICE_UNAVAILABLE, types = "processor-state-unknown")
    ResponseEntity<ProcessorStatus> replay(@PathVariable String name) {
        return accepted(admin.replay(name));
    }

    /** Accepted: the retry runs in the background; the Location shows the dead letters left. */
    @PostMapping("/{name}/dead-letters/retry")
    @Operation(summary = "Hand the processor's dead letters to its handlers again, in the background",
            description = "Sequence after sequence, an account's letters in their order; a letter that fails"
                    + " again stays, with its new cause")
    @ApiResponse(responseCode = "202", description = "The retry has begun; Location shows the dead letters left",
            useReturnTypeSchema = true, headers = @Header(name = "Location", ref = "Location"))
    @ProblemResponse(status = NOT_FOUND, types = "processor-not-found")
    @ProblemResponse(status = CONFLICT, types = "no-dead-letter-queue")
    @ProblemResponse(status = SERVICE_UNAVAILABLE, types = "processor-state-unknown")
    ResponseEntity<ProcessorStatus> retryDeadLetters(@PathVariable String name) {
        return accepted(admin.retryDeadLetters(name));
    }

    private static ResponseEntity<ProcessorStatus> accepted(ProcessorStatus status) {
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/admin/processors/{name}").buildAndExpand(status.name()).toUri())
                .body(status);
    }
}
