package com.eoc.accounts.command.account;

import static com.eoc.accounts.command.account.ExpectedVersion.etag;
import static com.eoc.accounts.command.account.ExpectedVersion.fromIfMatch;
import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.PRECONDITION_FAILED;
import static org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE;

import com.eoc.accounts.command.account.Account.TokenIssued;
import com.eoc.accounts.command.account.Commands.ChangeAvatar;
import com.eoc.accounts.command.account.Commands.ChangeEmail;
import com.eoc.accounts.command.account.Commands.CloseAccount;
import com.eoc.accounts.command.account.Commands.ErasePersonalData;
import com.eoc.accounts.command.account.Commands.DeleteToken;
import com.eoc.accounts.command.account.Commands.GenerateToken;
import com.eoc.accounts.command.account.Commands.RegisterAccount;
import com.eoc.accounts.command.account.Commands.RemoveAvatar;
import com.eoc.accounts.command.account.Commands.RenameUser;
import com.eoc.accounts.command.account.Commands.ReopenAccount;
import com.eoc.accounts.command.avatar.AvatarNormaliser;
import com.eoc.accounts.command.avatar.AvatarNormaliser.Normalised;
import com.eoc.accounts.command.avatar.AvatarStore;
import com.eoc.accounts.command.avatar.StoredAvatar;
import com.eoc.accounts.platform.openapi.ProblemResponse;
import com.eoc.accounts.platform.security.ApiTokenFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The command API: one method per row of the command table, each one command, with what it
 * answers in the OpenAPI description (the refusals every operation shares are added by
 * {@code OpenApiConventions}).
 */
@RestController
@RequestMapping(path = "/api/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts", description = "Register an account and change it: its name, email address, avatar and API"
        + " token. Every answer carries the account's version as its ETag; If-Match makes a command conditional")
class AccountCommandController {

    private final AccountCommands commands;
    private final AvatarStore avatars;

    AccountCommandController(AccountCommands commands, AvatarStore avatars) {
        this.commands = commands;
        this.avatars = avatars;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an account (administrators)", description = "Names are 1 to 100 characters, the"
            + " email address is unique; subject, optional, ties the account to its user's login at the identity"
            + " provider (by default the account's id)")
    @ApiResponse(responseCode = "201", description = "Registered, at version 0", useReturnTypeSchema = true,
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")})
    @ProblemResponse(status = BAD_REQUEST, types = "invalid-input")
    @ProblemResponse(status = CONFLICT, types = {"email-taken", "subject-taken"})
    ResponseEntity<Versioned> register(@RequestBody Registration body) {
        UUID accountId = UUID.randomUUID();
        commands.send(new RegisterAccount(accountId, body.firstName(), body.lastName(), body.email(), body.subject()));
        return ResponseEntity.created(URI.create("/api/accounts/" + accountId)).eTag(etag(0))
                .body(new Versioned(accountId, 0));
    }

    @PutMapping(path = "/{accountId}/name", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rename the user", description = "A rename to the same name records nothing and answers"
            + " the current version")
    @ApiResponse(responseCode = "200", description = "Renamed (or already so named): the account's version",
            useReturnTypeSchema = true, headers = @Header(name = "ETag", ref = "ETag"))
    @ProblemResponse(status = BAD_REQUEST, types = "invalid-input")
    @ProblemResponse(status = NOT_FOUND, types = "account-not-found")
    @ProblemResponse(status = CONFLICT, types = {"account-closed", "concurrent-modification"})
    @ProblemResponse(status = FORBIDDEN, types = "account-closed")
    @ProblemResponse(status = PRECONDITION_FAILED, types = "stale-version")
    ResponseEntity<Versioned> rename(@PathVariable UUID accountId, @RequestBody Name body,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        long version = commands.send(new RenameUser(accountId, body.firstName(), body.lastName(), fromIfMatch(ifMatch)));
        return versioned(accountId, version);
    }

    @PutMapping(path = "/{accountId}/email", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the email address", description = "The address is unique among the accounts,"
            + " compared without regard to case; an internationalised domain is stored in its ASCII form")
    @ApiResponse(responseCode = "200", description = "Changed (or already so): the account's version",
            useReturnTypeSchema = true, headers = @Header(name = "ETag", ref = "ETag"))
    @ProblemResponse(status = BAD_REQUEST, types = "invalid-input")
    @ProblemResponse(status = NOT_FOUND, types = "account-not-found")
    @ProblemResponse(status = CONFLICT, types = {"account-closed", "email-taken", "concurrent-modification"})
    @ProblemResponse(status = FORBIDDEN, types = "account-closed")
    @ProblemResponse(status = PRECONDITION_FAILED, types = "stale-version")
    ResponseEntity<Versioned> changeEmail(@PathVariable UUID accountId, @RequestBody Email body,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        long version = commands.send(new ChangeEmail(accountId, body.email(), fromIfMatch(ifMatch)));
        return versioned(accountId, version);
    }

    @PutMapping(path = "/{accountId}/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload an avatar: a PNG, JPEG or GIF, stored as a PNG of at most 512×512",
            description = "One part named image, at most 5 MiB and 8000×8000 pixels, recognised by its content;"
                    + " re-encoded, which drops whatever else the file held")
    @ApiResponse(responseCode = "200", description = "Stored: the account's version and the image",
            useReturnTypeSchema = true, headers = @Header(name = "ETag", ref = "ETag"))
    @ProblemResponse(status = BAD_REQUEST, types = {"invalid-input", "invalid-image", "too-many-parts"})
    @ProblemResponse(status = NOT_FOUND, types = "account-not-found")
    @ProblemResponse(status = CONFLICT, types = {"account-closed", "concurrent-modification"})
    @ProblemResponse(status = FORBIDDEN, types = "account-closed")
    @ProblemResponse(status = PRECONDITION_FAILED, types = "stale-version")
    @ProblemResponse(status = UNSUPPORTED_MEDIA_TYPE, types = "unsupported-image-type")
    ResponseEntity<AvatarSet> changeAvatar(@PathVariable UUID accountId, @RequestPart("image") MultipartFile image,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch)
            throws IOException {
        Long expectedVersion = fromIfMatch(ifMatch);
        Normalised normalised = AvatarNormaliser.normalise(image.getBytes());
        // image and event commit together: a refused command leaves no image behind
        AvatarSet result = commands.inOneTransaction(() -> {
            StoredAvatar avatar = avatars.save(normalised);
            long version = commands.send(new ChangeAvatar(accountId, avatar, expectedVersion));
            return new AvatarSet(accountId, version, avatar);
        });
        return ResponseEntity.ok().eTag(etag(result.version())).body(result);
    }

    @DeleteMapping("/{accountId}/avatar")
    @Operation(summary = "Remove the avatar", description = "The account shows no image until another is uploaded;"
            + " the image itself is deleted from the image store once no account uses it")
    @ApiResponse(responseCode = "204", description = "Removed: the ETag holds the account's version",
            headers = @Header(name = "ETag", ref = "ETag"))
    @ProblemResponse(status = BAD_REQUEST, types = "invalid-input")
    @ProblemResponse(status = NOT_FOUND, types = {"account-not-found", "no-avatar"})
    @ProblemResponse(status = CONFLICT, types = {"account-closed", "concurrent-modification"})
    @ProblemResponse(status = FORBIDDEN, types = "account-closed")
    @ProblemResponse(status = PRECONDITION_FAILED, types = "stale-version")
    ResponseEntity<Void> removeAvatar(@PathVariable UUID accountId,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        long version = commands.send(new RemoveAvatar(accountId, fromIfMatch(ifMatch)));
        return ResponseEntity.noContent().eTag(etag(version)).build();
    }

    @PostMapping(path = "/{accountId}/api-token", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Generate the account's API token (its owner only): the only answer that holds it",
            description = "expiresInDays is one of the token policy's choices. One live token at a time: delete"
                    + " it, or let it expire, before generating another")
    @ApiResponse(responseCode = "201", description = "Generated", useReturnTypeSchema = true, headers = {
            @Header(name = "ETag", ref = "ETag"),
            @Header(name = "Cache-Control", description = "no-store: the token is kept by no cache", required = true,
                    schema = @Schema(type = "string"))})
    @ProblemResponse(status = BAD_REQUEST, types = "invalid-input")
    @ProblemResponse(status = NOT_FOUND, types = "account-not-found")
    @ProblemResponse(status = CONFLICT, types = {"account-closed", "live-token-exists", "concurrent-modification"})
    @ProblemResponse(status = FORBIDDEN, types = "account-closed")
    @ProblemResponse(status = PRECONDITION_FAILED, types = "stale-version")
    ResponseEntity<NewToken> generateToken(@PathVariable UUID accountId, @RequestBody TokenRequest body,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expectedVersion = fromIfMatch(ifMatch);
        String token = ApiTokenFormat.generate();
        TokenIssued issued = commands.send(new GenerateToken(accountId, UUID.randomUUID(), ApiTokenFormat.hash(token),
                ApiTokenFormat.hint(token), body.expiresInDays() == null ? 0 : body.expiresInDays(), expectedVersion));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(issued.version()))
                .header("Cache-Control", "no-store")
                .body(new NewToken(issued.tokenId(), token, ApiTokenFormat.hint(token), issued.createdAt(),
                        issued.expiresAt(), issued.version()));
    }

    @DeleteMapping("/{accountId}/api-token")
    @Operation(summary = "Delete the account's API token: it stops working at once",
            description = "By its owner or an administrator, on both sides at once")
    @ApiResponse(responseCode = "204", description = "Deleted: the ETag holds the account's version",
            headers = @Header(name = "ETag", ref = "ETag"))
    @ProblemResponse(status = BAD_REQUEST, types = "invalid-input")
    @ProblemResponse(status = NOT_FOUND, types = {"account-not-found", "no-token"})
    @ProblemResponse(status = CONFLICT, types = {"account-closed", "concurrent-modification"})
    @ProblemResponse(status = FORBIDDEN, types = "account-closed")
    @ProblemResponse(status = PRECONDITION_FAILED, types = "stale-version")
    ResponseEntity<Void> deleteToken(@PathVariable UUID accountId,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        long version = commands.send(new DeleteToken(accountId, fromIfMatch(ifMatch)));
        return ResponseEntity.noContent().eTag(etag(version)).build();
    }

    @PostMapping("/{accountId}/close")
    @Operation(operationId = "closeAccount", summary = "Close the account (administrators)",
            description = "Its API token is deleted in the same transaction and stops working at once; its owner"
                    + " can no longer sign in to it, and it refuses every command but its reopening. Closing a"
                    + " closed account records nothing")
    @ApiResponse(responseCode = "200", description = "Closed (or already so): the account's version",
            useReturnTypeSchema = true, headers = @Header(name = "ETag", ref = "ETag"))
    @ProblemResponse(status = BAD_REQUEST, types = "invalid-input")
    @ProblemResponse(status = NOT_FOUND, types = "account-not-found")
    @ProblemResponse(status = CONFLICT, types = "concurrent-modification")
    @ProblemResponse(status = PRECONDITION_FAILED, types = "stale-version")
    ResponseEntity<Versioned> close(@PathVariable UUID accountId,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return versioned(accountId, commands.send(new CloseAccount(accountId, fromIfMatch(ifMatch))));
    }

    @PostMapping("/{accountId}/reopen")
    @Operation(operationId = "reopenAccount", summary = "Reopen a closed account (administrators)",
            description = "Its owner can sign in again; the token deleted at its closing stays deleted. Reopening"
                    + " an open account records nothing")
    @ApiResponse(responseCode = "200", description = "Reopened (or already open): the account's version",
            useReturnTypeSchema = true, headers = @Header(name = "ETag", ref = "ETag"))
    @ProblemResponse(status = BAD_REQUEST, types = "invalid-input")
    @ProblemResponse(status = NOT_FOUND, types = "account-not-found")
    @ProblemResponse(status = CONFLICT, types = {"account-erased", "concurrent-modification"})
    @ProblemResponse(status = PRECONDITION_FAILED, types = "stale-version")
    ResponseEntity<Versioned> reopen(@PathVariable UUID accountId,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return versioned(accountId, commands.send(new ReopenAccount(accountId, fromIfMatch(ifMatch))));
    }

    @PostMapping("/{accountId}/erase")
    @Operation(operationId = "erasePersonalData", summary = "Erase a closed account's personal data (administrators)",
            description = "Its names and email addresses read as erased (null) in its views and in every event of"
                    + " its history, which keeps which events there were, when and by whom; its email address may be"
                    + " used again and its avatar images are deleted. The hash chain and the checkpoints still"
                    + " verify. The account stays closed for good. Erasing an erased account records nothing")
    @ApiResponse(responseCode = "200", description = "Erased (or already so): the account's version",
            useReturnTypeSchema = true, headers = @Header(name = "ETag", ref = "ETag"))
    @ProblemResponse(status = BAD_REQUEST, types = "invalid-input")
    @ProblemResponse(status = NOT_FOUND, types = "account-not-found")
    @ProblemResponse(status = CONFLICT, types = {"account-open", "concurrent-modification"})
    @ProblemResponse(status = PRECONDITION_FAILED, types = "stale-version")
    ResponseEntity<Versioned> erase(@PathVariable UUID accountId,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return versioned(accountId, commands.send(new ErasePersonalData(accountId, fromIfMatch(ifMatch))));
    }

    private static ResponseEntity<Versioned> versioned(UUID accountId, long version) {
        return ResponseEntity.ok().eTag(etag(version)).body(new Versioned(accountId, version));
    }

    /** {@code subject}: optional, the identity provider's {@code sub} of the user (by default the new account's id). */
    record Registration(String firstName, String lastName, String email, String subject) {
    }

    record Name(String firstName, String lastName) {
    }

    record Email(String email) {
    }

    record TokenRequest(Integer expiresInDays) {
    }

    record Versioned(UUID accountId, long version) {
    }

    record AvatarSet(UUID accountId, long version, StoredAvatar avatar) {
    }

    /** The one answer that ever holds the token in plain text. */
    record NewToken(UUID tokenId, String token, String hint, Instant createdAt, Instant expiresAt, long version) {

        @Override
        public String toString() {
            return "NewToken[tokenId=" + tokenId + ", hint=" + hint + "]";
        }
    }
}
