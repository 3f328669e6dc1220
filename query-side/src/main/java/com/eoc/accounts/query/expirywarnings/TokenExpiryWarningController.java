package com.eoc.accounts.query.expirywarnings;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/token-expiry-warnings")
class TokenExpiryWarningController {

    private final TokenExpiryWarningRepository warnings;
    private final Clock clock;

    TokenExpiryWarningController(TokenExpiryWarningRepository warnings, Clock clock) {
        this.warnings = warnings;
        this.clock = clock;
    }

    /** The tokens that expire within the warning period, soonest first. */
    @GetMapping
    List<TokenExpiryWarningResponse> warnings() {
        Instant now = clock.instant();
        return warnings.findUnexpiredAt(now).stream()
                .map(warning -> TokenExpiryWarningResponse.of(warning, now))
                .toList();
    }
}
