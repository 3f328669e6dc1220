package com.eoc.accounts.query.expirywarnings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/token-expiry-warnings")
@Tag(name = "Dashboards", description = "Lists and counters for viewers and administrators")
class TokenExpiryWarningController {

    private final TokenExpiryWarningQuery warnings;

    TokenExpiryWarningController(TokenExpiryWarningQuery warnings) {
        this.warnings = warnings;
    }

    /** The tokens that expire within the warning period, soonest first. */
    @GetMapping
    @Operation(summary = "The API tokens that expire soon, soonest first (dashboards)",
            description = "A token is listed from min(warning days, half its lifetime) before it expires, while"
                    + " it is its account's current one")
    List<TokenExpiryWarningResponse> warnings() {
        return warnings.current();
    }
}
