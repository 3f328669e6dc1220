package com.eoc.accounts.web.localidp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Who may sign in to the local identity provider: {@code admin}, and every registered account by
 * its email address, all with the one local password. The accounts are whatever the query side
 * knows at the moment of signing in, asked with an administrator's JWT this provider mints for
 * itself; an account's {@code subject} becomes the {@code sub} of its tokens.
 */
final class LocalUsers implements UserDetailsService {

    static final String ADMIN = "admin";
    /** The most accounts read to find one email address among the search's matches (names match too). */
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 20;
    private static final int MAX_EMAIL_LENGTH = 254;

    private final RestClient querySide;
    private final SelfIssuedTokens tokens;
    private final String passwordHash;

    LocalUsers(RestClient querySide, SelfIssuedTokens tokens, String passwordHash) {
        this.querySide = querySide;
        this.tokens = tokens;
        this.passwordHash = passwordHash;
    }

    @Override
    public UserDetails loadUserByUsername(String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.equals(ADMIN)) {
            return new LocalUser(ADMIN, passwordHash, "Administrator", null, List.of(ADMIN));
        }
        if (!name.contains("@") || name.length() > MAX_EMAIL_LENGTH) {
            throw new UsernameNotFoundException("neither admin nor an email address");
        }
        Account account = accountWithEmail(name).orElseThrow(() -> new UsernameNotFoundException("no account"));
        return new LocalUser(account.subjectOrId(), passwordHash,
                (account.firstName() + " " + account.lastName()).strip(), account.email(), List.of());
    }

    private Optional<Account> accountWithEmail(String email) {
        String wanted = email.toLowerCase(Locale.ROOT);
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                AccountPage found = search(email, page);
                if (found == null || found.items() == null) {
                    return Optional.empty();
                }
                Optional<Account> match = found.items().stream()
                        .filter(account -> account.email() != null
                                && account.email().toLowerCase(Locale.ROOT).equals(wanted))
                        .findFirst();
                if (match.isPresent() || (long) (page + 1) * PAGE_SIZE >= found.totalItems()) {
                    return match;
                }
            }
            return Optional.empty();
        } catch (RestClientException e) {
            throw new InternalAuthenticationServiceException("the accounts could not be read from the query side", e);
        }
    }

    private AccountPage search(String email, int page) {
        return querySide.get()
                .uri(uri -> uri.path("/api/accounts")
                        .queryParam("search", "{search}")
                        .queryParam("page", page)
                        .queryParam("size", PAGE_SIZE)
                        .build(email))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.administrator())
                .retrieve()
                .body(AccountPage.class);
    }

    /** What the sign-in needs of {@code GET /api/accounts}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AccountPage(List<Account> items, long totalItems) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Account(String accountId, String subject, String firstName, String lastName, String email) {

        /** An account registered without a subject is its own id's login. */
        String subjectOrId() {
            return subject == null || subject.isBlank() ? accountId : subject;
        }
    }
}
