package com.eoc.accounts.query.admin;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** For operators. Open until the security issue restricts it to admins. */
@RestController
@RequestMapping("/api/admin/processors")
class ProcessorAdminController {

    private final ProcessorAdmin admin;

    ProcessorAdminController(ProcessorAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    List<ProcessorStatus> processors() {
        return admin.processors();
    }

    @GetMapping("/{name}")
    ProcessorStatus processor(@PathVariable String name) {
        return admin.processor(name);
    }

    /** Accepted: the views are empty now and fill up again; the Location follows the replay. */
    @PostMapping("/{name}/replay")
    ResponseEntity<ProcessorStatus> replay(@PathVariable String name) {
        return accepted(admin.replay(name));
    }

    /** Accepted: the retry runs in the background; the Location shows the dead letters left. */
    @PostMapping("/{name}/dead-letters/retry")
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
