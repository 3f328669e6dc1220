package com.eoc.accounts.command.token;

import java.util.List;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What users may choose for "expires in". Injected into the aggregate's command handler, so that
 * the offer is configuration and the rule stays in the aggregate.
 */
@ConfigurationProperties("accounts.token")
public record TokenPolicy(List<Integer> expiryChoices) {

    public TokenPolicy {
        expiryChoices = expiryChoices == null || expiryChoices.isEmpty()
                ? List.of(7, 30, 60, 90, 365)
                : List.copyOf(new TreeSet<>(expiryChoices));
    }
}
