package com.eoc.accounts.command.audit;

import com.eoc.accounts.auditproof.Checkpoint;
import com.eoc.accounts.auditproof.SigningKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The checkpoints that make the history tamper-evident, and the key that auditors check them with. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Signed checkpoints of the event log, and the key that signs them")
class AuditController {

    private final Checkpoints checkpoints;
    private final AuditSigningKey key;

    AuditController(Checkpoints checkpoints, AuditSigningKey key) {
        this.checkpoints = checkpoints;
        this.key = key;
    }

    @PostMapping(path = "/checkpoints", consumes = MediaType.ALL_VALUE)
    @Operation(operationId = "signCheckpoint",
            summary = "Sign a checkpoint of the whole log now, unless the latest covers every event already",
            description = "Administrators. Otherwise one is signed every accounts.audit.checkpoint-interval "
                    + "(AUDIT_CHECKPOINT_INTERVAL, 1 minute) when events were appended. Answers the checkpoint "
                    + "that covers the log as it stood: position (the highest global index covered), treeSize, "
                    + "root (of the RFC 9162 Merkle tree of the events' chain links), signedAt, keyId, signature "
                    + "(Ed25519, Base64).")
    @ApiResponse(responseCode = "200", description = "The checkpoint that covers every event appended so far",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Checkpoint.class)))
    Checkpoint sign() {
        return checkpoints.signIfBehind();
    }

    @GetMapping(path = "/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    @SecurityRequirements
    @Operation(operationId = "auditPublicKey",
            summary = "The Ed25519 public key that checkpoints are signed with, in PEM",
            description = "Public. Save it once, keep it apart from the service, and give it to the verifier: "
                    + "java -jar audit-proof/target/audit-verifier.jar --public-key <file> <export.json>.")
    @ApiResponse(responseCode = "200", description = "The public key, X.509 SubjectPublicKeyInfo in PEM",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    String publicKey() {
        return SigningKeys.publicPem(key.publicKey());
    }
}
