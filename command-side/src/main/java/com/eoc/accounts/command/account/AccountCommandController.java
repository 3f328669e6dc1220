package com.eoc.accounts.command.account;

import static com.eoc.accounts.command.account.ExpectedVersion.etag;
import static com.eoc.accounts.command.account.ExpectedVersion.fromIfMatch;

import com.eoc.accounts.command.account.Account.TokenIssued;
import com.eoc.accounts.command.account.Commands.ChangeAvatar;
import com.eoc.accounts.command.account.Commands.ChangeEmail;
import com.eoc.accounts.command.account.Commands.DeleteToken;
import com.eoc.accounts.command.account.Commands.GenerateToken;
import com.eoc.accounts.command.account.Commands.RegisterAccount;
import com.eoc.accounts.command.account.Commands.RenameUser;
import com.eoc.accounts.command.avatar.AvatarNormaliser;
import com.eoc.accounts.command.avatar.AvatarNormaliser.Normalised;
import com.eoc.accounts.command.avatar.AvatarStore;
import com.eoc.accounts.command.avatar.StoredAvatar;
import com.eoc.accounts.platform.security.ApiTokenFormat;
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

/** The command API: one method per row of the command table, each one command. */
@RestController
@RequestMapping(path = "/api/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountCommandController {

    private final AccountCommands commands;
    private final AvatarStore avatars;

    AccountCommandController(AccountCommands commands, AvatarStore avatars) {
        this.commands = commands;
        this.avatars = avatars;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Versioned> register(@RequestBody Registration body) {
        UUID accountId = UUID.randomUUID();
        commands.send(new RegisterAccount(accountId, body.firstName(), body.lastName(), body.email(), body.subject()));
        return ResponseEntity.created(URI.create("/api/accounts/" + accountId)).eTag(etag(0))
                .body(new Versioned(accountId, 0));
    }

    @PutMapping(path = "/{accountId}/name", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Versioned> rename(@PathVariable UUID accountId, @RequestBody Name body,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        long version = commands.send(new RenameUser(accountId, body.firstName(), body.lastName(), fromIfMatch(ifMatch)));
        return versioned(accountId, version);
    }

    @PutMapping(path = "/{accountId}/email", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Versioned> changeEmail(@PathVariable UUID accountId, @RequestBody Email body,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        long version = commands.send(new ChangeEmail(accountId, body.email(), fromIfMatch(ifMatch)));
        return versioned(accountId, version);
    }

    @PutMapping(path = "/{accountId}/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
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

    @PostMapping(path = "/{accountId}/api-token", consumes = MediaType.APPLICATION_JSON_VALUE)
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
    ResponseEntity<Void> deleteToken(@PathVariable UUID accountId,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        long version = commands.send(new DeleteToken(accountId, fromIfMatch(ifMatch)));
        return ResponseEntity.noContent().eTag(etag(version)).build();
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
