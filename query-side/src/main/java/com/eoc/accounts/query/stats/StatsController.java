package com.eoc.accounts.query.stats;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StatsController {

    private final AccountStatsQuery stats;

    StatsController(AccountStatsQuery stats) {
        this.stats = stats;
    }

    @GetMapping("/api/stats")
    AccountStats stats() {
        return stats.now();
    }
}
