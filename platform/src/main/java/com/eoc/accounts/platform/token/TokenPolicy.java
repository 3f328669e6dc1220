package com.eoc.accounts.platform.token;

import java.util.List;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API token's offer and warning, one definition bound by both applications: the command
 * side refuses an "expires in" that is not offered, the query side tells clients what is offered
 * and judges when a token is close to expiring.
 *
 * @param expiryChoices the "expires in" choices offered to users, in days, ascending
 *                      ({@code accounts.token.expiry-choices})
 * @param warningDays   at most how many days before its expiry a token is "expiring soon"
 *                      ({@code accounts.token.warning-days}); a short-lived token warns for half of its
 *                      life at most
 */
@ConfigurationProperties("accounts.token")
public record TokenPolicy(List<Integer> expiryChoices, Integer warningDays) {

    public static final List<Integer> DEFAULT_EXPIRY_CHOICES = List.of(7, 30, 60, 90, 365);
    public static final int DEFAULT_WARNING_DAYS = 7;

    public TokenPolicy {
        expiryChoices = expiryChoices == null || expiryChoices.isEmpty()
                ? DEFAULT_EXPIRY_CHOICES
                : List.copyOf(new TreeSet<>(expiryChoices));
        if (expiryChoices.stream().anyMatch(days -> days < 1)) {
            throw new IllegalArgumentException("accounts.token.expiry-choices must be whole days of 1 or more: "
                    + expiryChoices);
        }
        warningDays = warningDays == null ? DEFAULT_WARNING_DAYS : warningDays;
        if (warningDays < 0) {
            throw new IllegalArgumentException("accounts.token.warning-days must not be negative: " + warningDays);
        }
    }
}
