package com.eoc.accounts.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class AccountAccessTest {

    private final UUID accountId = UUID.fromString("3f1c2a4e-8b7d-4c1e-9a55-0d2f6b7e8c91");
    private final UUID otherAccountId = UUID.fromString("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b");

    @Test
    void theOwnersJwtIsAllowedOnItsAccountOnly() {
        AuthorizationManager<RequestAuthorizationContext> rule = AccountAccess.ownerOr(Roles.ADMIN);

        assertThat(allows(rule, jwt(accountId.toString()), accountId.toString())).isTrue();
        assertThat(allows(rule, jwt(accountId.toString()), accountId.toString().toUpperCase())).isTrue();
        assertThat(allows(rule, jwt(accountId.toString()), otherAccountId.toString())).isFalse();
        assertThat(allows(rule, jwt("someone"), "someone")).as("a subject that is no account id").isFalse();
    }

    @Test
    void theRolesAreAllowedOnAnyAccount() {
        AuthorizationManager<RequestAuthorizationContext> rule = AccountAccess.ownerOr(Roles.ADMIN, Roles.AUDITOR);

        assertThat(allows(rule, jwt("auditor-1", Roles.AUDITOR), accountId.toString())).isTrue();
        assertThat(allows(rule, jwt("viewer-1", Roles.VIEWER), accountId.toString())).isFalse();
    }

    @Test
    void anApiTokenIsTheOwnerOnlyWhereTheRuleSaysSo() {
        ApiTokenAuthentication ownToken = new ApiTokenAuthentication(accountId, Instant.now().plusSeconds(60));

        assertThat(allows(AccountAccess.ownerOr(Roles.ADMIN), ownToken, accountId.toString())).isFalse();
        assertThat(allows(AccountAccess.ownerOrOwnTokenOr(Roles.ADMIN), ownToken, accountId.toString())).isTrue();
        assertThat(allows(AccountAccess.ownerOrOwnTokenOr(Roles.ADMIN), ownToken, otherAccountId.toString()))
                .isFalse();
    }

    @Test
    void anonymousCallersAndRequestsWithoutAnAccountAreRefused() {
        Authentication anonymous = new AnonymousAuthenticationToken("key", accountId.toString(),
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        AuthorizationManager<RequestAuthorizationContext> rule = AccountAccess.ownerOrOwnTokenOr(Roles.ADMIN);

        assertThat(allows(rule, anonymous, accountId.toString())).isFalse();
        assertThat(allows(rule, null, accountId.toString())).isFalse();
        assertThat(allows(rule, jwt(accountId.toString()), null)).isFalse();
    }

    private static boolean allows(AuthorizationManager<RequestAuthorizationContext> rule,
                                  Authentication caller, String accountIdInPath) {
        Map<String, String> variables = accountIdInPath == null ? Map.of()
                : Map.of(AccountAccess.ACCOUNT_ID, accountIdInPath);
        AuthorizationResult result = rule.authorize(() -> caller,
                new RequestAuthorizationContext(new MockHttpServletRequest(), variables));
        return result != null && result.isGranted();
    }

    private static JwtAuthenticationToken jwt(String subject, String... roles) {
        Jwt jwt = Jwt.withTokenValue("not-checked-here").header("alg", "RS256").subject(subject).build();
        return new JwtAuthenticationToken(jwt,
                Stream.of(roles).map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }
}
