package com.eoc.accounts.query.account;

import com.eoc.accounts.platform.security.ApiTokenIndex;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts")
class AccountController {

    private final AccountViewRepository accounts;
    private final TokenExpiry tokenExpiry;
    private final ApiTokenIndex apiTokens;

    AccountController(AccountViewRepository accounts, TokenExpiry tokenExpiry, ApiTokenIndex apiTokens) {
        this.accounts = accounts;
        this.tokenExpiry = tokenExpiry;
        this.apiTokens = apiTokens;
    }

    /** The ETag is the aggregate's version, the same value the command side answers with. */
    @GetMapping("/{id}")
    ResponseEntity<AccountResponse> account(@PathVariable UUID id) {
        AccountView view = accounts.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
        return ResponseEntity.ok()
                .eTag(Long.toString(view.getVersion()))
                .body(AccountResponse.of(view, tokenExpiry, lastUsedAt(view)));
    }

    private Instant lastUsedAt(AccountView view) {
        return view.hasToken() ? apiTokens.lastUsedAt(view.getAccountId(), view.getTokenId()).orElse(null) : null;
    }
}
