package com.eoc.accounts.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class AccountAccessTest {

    private static final UUID ACCOUNT = UUID.fromString("0d6c1b8e-5a4e-4d8f-9a51-7f3e2c1b0a99");
    private static final UUID OTHER = UUID.fromString("6b1f0c2a-9d3e-4c57-8e21-0f4a5b6c7d8e");
    private static final Instant EXPIRES = Instant.parse("2030-01-01T00:00:00Z");

    /** The logins of the test: ACCOUNT's is "auth0|ada", OTHER was registered without one. */
    private final CountingLogins logins = new CountingLogins(Map.of(
            "auth0|ada", ACCOUNT, OTHER.toString(), OTHER));
    private final AccountAccess access = new AccountAccess(logins);
    private final AuthorizationManager<RequestAuthorizationContext> ownerOrAdmin = access.ownerOr(Roles.ADMIN);
    private final AuthorizationManager<RequestAuthorizationContext> ownerOnly = access.owner();
    private final AuthorizationManager<RequestAuthorizationContext> ownerTokenOrAuditor =
            access.ownerOrOwnTokenOr(Roles.AUDITOR);

    @Test
    void theJwtWhoseSubjectIsTheAccountsLoginOwnsIt() {
        assertThat(allowed(ownerOrAdmin, jwt("auth0|ada"), ACCOUNT.toString())).isTrue();
        assertThat(allowed(ownerOrAdmin, jwt("auth0|ada"), OTHER.toString())).isFalse();
    }

    @Test
    void aSubjectEqualToTheAccountIdOwnsItOnlyWhenThatIsItsLogin() {
        assertThat(allowed(ownerOrAdmin, jwt(OTHER.toString()), OTHER.toString())).isTrue();
        assertThat(allowed(ownerOrAdmin, jwt(ACCOUNT.toString()), ACCOUNT.toString())).isFalse();
    }

    @Test
    void thePathsAccountIdIsComparedAsAUuid() {
        assertThat(allowed(ownerOrAdmin, jwt("auth0|ada"), ACCOUNT.toString().toUpperCase())).isTrue();
    }

    @Test
    void aSubjectWithoutAccountOrAPathThatIsNoAccountIdIsNobodysAccount() {
        assertThat(allowed(ownerOrAdmin, jwt("billing-service"), ACCOUNT.toString())).isFalse();
        assertThat(allowed(ownerOrAdmin, jwt("auth0|ada"), "not-a-uuid")).isFalse();
        assertThat(allowed(ownerOrAdmin, jwt("auth0|ada"), null)).isFalse();
    }

    @Test
    void theRolesAreAllowedOnAnyAccountWithoutLookingUpALogin() {
        assertThat(allowed(ownerOrAdmin, jwt("ops-admin", Roles.ADMIN), ACCOUNT.toString())).isTrue();
        assertThat(allowed(ownerTokenOrAuditor, jwt("audit", Roles.AUDITOR), ACCOUNT.toString())).isTrue();
        assertThat(logins.lookUps).isZero();

        assertThat(allowed(ownerOrAdmin, jwt("dashboard", Roles.VIEWER), ACCOUNT.toString())).isFalse();
    }

    @Test
    void ownerOnlyRefusesAnAdministratorWhoIsNotTheOwner() {
        assertThat(allowed(ownerOnly, jwt("ops-admin", Roles.ADMIN), ACCOUNT.toString())).isFalse();
        assertThat(allowed(ownerOnly, jwt("auth0|ada"), ACCOUNT.toString())).isTrue();
        assertThat(allowed(ownerOnly, jwt("auth0|ada", Roles.ADMIN), ACCOUNT.toString())).isTrue();
    }

    @Test
    void anApiTokenIsAnOwnerOnlyWhereTheRuleSaysSo() {
        ApiTokenAuthentication token = new ApiTokenAuthentication(ACCOUNT, EXPIRES);

        assertThat(allowed(ownerOrAdmin, token, ACCOUNT.toString())).isFalse();
        assertThat(allowed(ownerOnly, token, ACCOUNT.toString())).isFalse();
        assertThat(allowed(ownerTokenOrAuditor, token, ACCOUNT.toString())).isTrue();
        assertThat(allowed(ownerTokenOrAuditor, token, OTHER.toString())).isFalse();
    }

    @Test
    void otherKindsOfCallerNamedLikeTheLoginAreNotItsOwner() {
        Authentication named = new TestingAuthenticationToken("auth0|ada", null, List.of());
        named.setAuthenticated(true);
        Authentication anonymous = new AnonymousAuthenticationToken("key", "auth0|ada",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

        assertThat(allowed(ownerTokenOrAuditor, named, ACCOUNT.toString())).isFalse();
        assertThat(allowed(ownerTokenOrAuditor, anonymous, ACCOUNT.toString())).isFalse();
        assertThat(allowed(ownerTokenOrAuditor, null, ACCOUNT.toString())).isFalse();
    }

    @Test
    void theOwnerOfAClosedAccountIsRefusedWithTheReasonAndEveryoneElseAsBefore() {
        logins.closed.add(ACCOUNT);

        for (var rule : List.of(ownerOrAdmin, ownerOnly, ownerTokenOrAuditor)) {
            assertThatThrownBy(() -> allowed(rule, jwt("auth0|ada"), ACCOUNT.toString()))
                    .isInstanceOf(ClosedAccountException.class)
                    .hasMessage("this account is closed: an administrator can reopen it");
        }
        assertThat(allowed(ownerOrAdmin, jwt(OTHER.toString()), ACCOUNT.toString())).isFalse();
        int before = logins.lookUps;
        assertThat(allowed(ownerOrAdmin, jwt("ops-admin", Roles.ADMIN), ACCOUNT.toString())).isTrue();
        assertThat(logins.lookUps).isEqualTo(before);
    }

    @Test
    void anUnauthenticatedJwtIsNobody() {
        JwtAuthenticationToken unauthenticated = new JwtAuthenticationToken(jwtClaims("auth0|ada"));
        unauthenticated.setAuthenticated(false);

        assertThat(allowed(ownerOrAdmin, unauthenticated, ACCOUNT.toString())).isFalse();
    }

    private static boolean allowed(AuthorizationManager<RequestAuthorizationContext> rule, Authentication caller,
                                   String accountId) {
        Map<String, String> variables = accountId == null ? Map.of() : Map.of(AccountAccess.ACCOUNT_ID, accountId);
        RequestAuthorizationContext request = new RequestAuthorizationContext(new MockHttpServletRequest(), variables);
        AuthorizationResult result = rule.authorize(() -> caller, request);
        return result != null && result.isGranted();
    }

    private static JwtAuthenticationToken jwt(String subject, String... roles) {
        List<GrantedAuthority> authorities = Arrays.stream(roles)
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        return new JwtAuthenticationToken(jwtClaims(subject), authorities);
    }

    private static Jwt jwtClaims(String subject) {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject(subject)
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).expiresAt(EXPIRES).build();
    }

    /** Logins from a map, counting the look-ups; the accounts in {@code closed} are closed. */
    private static final class CountingLogins extends AccountLogins {

        private final Map<String, UUID> accounts;
        final Set<UUID> closed = new HashSet<>();
        int lookUps;

        CountingLogins(Map<String, UUID> accounts) {
            super(null);
            this.accounts = new HashMap<>(accounts);
        }

        @Override
        public Optional<UUID> accountOf(String subject) {
            lookUps++;
            return Optional.ofNullable(accounts.get(subject));
        }

        @Override
        public boolean isClosed(UUID accountId) {
            lookUps++;
            return closed.contains(accountId);
        }
    }
}
