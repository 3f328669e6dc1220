package com.eoc.accounts.query.expirywarnings;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/token-expiry-warnings")
class TokenExpiryWarningController {

    private final TokenExpiryWarningQuery warnings;

    TokenExpiryWarningController(TokenExpiryWarningQuery warnings) {
        this.warnings = warnings;
    }

    /** The tokens that expire within the warning period, soonest first. */
    @GetMapping
    List<TokenExpiryWarningResponse> warnings() {
        return warnings.current();
    }
}
