package com.eoc.accounts.query.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Dashboards", description = "Lists and counters for viewers and administrators")
class StatsController {

    private final AccountStatsQuery stats;

    StatsController(AccountStatsQuery stats) {
        this.stats = stats;
    }

    @GetMapping("/api/stats")
    @Operation(summary = "Counters of accounts, avatars and API tokens by status, taken at one instant (dashboards)",
            description = "A token's status follows the same rule as in the account view")
    AccountStats stats() {
        return stats.now();
    }
}
