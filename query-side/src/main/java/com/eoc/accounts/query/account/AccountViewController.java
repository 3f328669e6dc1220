package com.eoc.accounts.query.account;

import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE;

import com.eoc.accounts.platform.openapi.ProblemResponse;
import com.eoc.accounts.platform.security.AccountLogins;
import com.eoc.accounts.platform.security.ApiTokenAuthentication;
import com.eoc.accounts.platform.security.ApiTokenIndex;
import com.eoc.accounts.platform.security.ClosedAccountException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.CurrentSecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An account's view, by its id or as the caller's own; with {@code minVersion}, once it has reached that version. */
@RestController
@Tag(name = "Account views", description = "An account as its owner, its API token and its readers see it")
class AccountViewController {

    private static final String MIN_VERSION = "Answer once the view's version is at least this (the version a command "
            + "answered), waiting briefly; 503 view-behind with Retry-After if it is not there within the wait";

    private final AccountViewRepository accounts;
    private final ReadYourWrites readYourWrites;
    private final AccountLogins logins;
    private final TokenExpiry tokenExpiry;
    private final ApiTokenIndex apiTokens;

    AccountViewController(AccountViewRepository accounts, ReadYourWrites readYourWrites, AccountLogins logins,
                      TokenExpiry tokenExpiry, ApiTokenIndex apiTokens) {
        this.accounts = accounts;
        this.readYourWrites = readYourWrites;
        this.logins = logins;
        this.tokenExpiry = tokenExpiry;
        this.apiTokens = apiTokens;
    }

    /** The ETag is the aggregate's version, the same value the command side answers with. */
    @GetMapping("/api/accounts/{id}")
    @Operation(summary = "The account's view", description = "Its owner, its API token, viewers, auditors and"
            + " administrators may read it. apiToken and avatarUrl are null when there is none")
    @ApiResponse(responseCode = "200", description = "The view", useReturnTypeSchema = true,
            headers = @Header(name = "ETag", ref = "ETag"))
    @ProblemResponse(status = FORBIDDEN, types = "account-closed")
    @ProblemResponse(status = NOT_FOUND, types = "account-not-found")
    @ProblemResponse(status = SERVICE_UNAVAILABLE, types = "view-behind")
    ResponseEntity<AccountResponse> account(@PathVariable UUID id,
                                            @Parameter(description = MIN_VERSION)
                                            @RequestParam(required = false)
                                            @Min(value = 0, message = "must be 0 or more") Long minVersion) {
        return answer(id, minVersion);
    }

    @GetMapping("/api/me")
    @Operation(summary = "The caller's own account view",
            description = "The account whose login is the JWT's sub (an API token: its own account), as "
                    + "GET /api/accounts/{id} answers it; 404 no-account when the login has no account, 403"
                    + " account-closed when its account is closed.")
    @ApiResponse(responseCode = "200", description = "The view", useReturnTypeSchema = true,
            headers = @Header(name = "ETag", ref = "ETag"))
    @ProblemResponse(status = FORBIDDEN, types = "account-closed")
    @ProblemResponse(status = NOT_FOUND, types = {"no-account", "account-not-found"})
    @ProblemResponse(status = SERVICE_UNAVAILABLE, types = "view-behind")
    ResponseEntity<AccountResponse> me(@Parameter(hidden = true)
                                       @CurrentSecurityContext(expression = "authentication") Authentication caller,
                                       @Parameter(description = MIN_VERSION)
                                       @RequestParam(required = false)
                                       @Min(value = 0, message = "must be 0 or more") Long minVersion) {
        UUID account = accountOf(caller).orElseThrow(NoAccountException::new);
        if (logins.isClosed(account)) {
            throw new ClosedAccountException();
        }
        return answer(account, minVersion);
    }

    private ResponseEntity<AccountResponse> answer(UUID id, Long minVersion) {
        AccountView view = minVersion == null
                ? accounts.findById(id).orElseThrow(() -> new AccountNotFoundException(id))
                : readYourWrites.atLeast(id, minVersion);
        return ResponseEntity.ok()
                .eTag(Long.toString(view.getVersion()))
                .body(AccountResponse.of(view, tokenExpiry, lastUsedAt(view)));
    }

    private Optional<UUID> accountOf(Authentication caller) {
        if (caller instanceof ApiTokenAuthentication token) {
            return Optional.of(token.accountId());
        }
        return caller instanceof JwtAuthenticationToken jwt ? logins.accountOf(jwt.getName()) : Optional.empty();
    }

    private Instant lastUsedAt(AccountView view) {
        return view.hasToken() ? apiTokens.lastUsedAt(view.getAccountId(), view.getTokenId()).orElse(null) : null;
    }
}
