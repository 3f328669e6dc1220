package com.eoc.accounts.query.account;

import com.eoc.accounts.platform.token.TokenPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a client offers and shows about API tokens, from the configuration that the command side enforces. */
@RestController
@Tag(name = "Account views", description = "An account as its owner, its API token and its readers see it")
class TokenPolicyController {

    private final TokenPolicy policy;
    private final TokenExpiry expiry;

    TokenPolicyController(TokenPolicy policy, TokenExpiry expiry) {
        this.policy = policy;
        this.expiry = expiry;
    }

    @GetMapping("/api/token-policy")
    @Operation(summary = "The 'expires in' choices (days) and the rule of the near-expiry warning",
            description = "For anyone signed in: what a settings screen offers, from the configuration that the"
                    + " command side enforces")
    TokenPolicyResponse policy() {
        return new TokenPolicyResponse(policy.expiryChoices(), expiry.warningDays(), expiry.rule());
    }

    record TokenPolicyResponse(List<Integer> expiryChoices, int warningDays, String warningRule) {
    }
}
