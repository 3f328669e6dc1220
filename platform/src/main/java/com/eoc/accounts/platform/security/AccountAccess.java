package com.eoc.accounts.platform.security;

import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Rules about one account, named by the path variable {@value #ACCOUNT_ID} of the request (as in
 * {@code /api/accounts/{accountId}/name}).
 */
public final class AccountAccess {

    public static final String ACCOUNT_ID = "accountId";

    private AccountAccess() {
    }

    /** The account's owner, signed in with a JWT whose {@code sub} is the account id, or any of the roles. */
    public static AuthorizationManager<RequestAuthorizationContext> ownerOr(String... roles) {
        return AuthorizationManagers.anyOf(
                caller(JwtAuthenticationToken.class::isInstance), AuthorityAuthorizationManager.hasAnyRole(roles));
    }

    /** As {@link #ownerOr}, and also the account's own API token. */
    public static AuthorizationManager<RequestAuthorizationContext> ownerOrOwnTokenOr(String... roles) {
        return AuthorizationManagers.anyOf(
                caller(authentication -> authentication instanceof JwtAuthenticationToken
                        || authentication instanceof ApiTokenAuthentication),
                AuthorityAuthorizationManager.hasAnyRole(roles));
    }

    /** Callers of the accepted kind whose name is the account of the path. */
    private static AuthorizationManager<RequestAuthorizationContext> caller(Predicate<Authentication> kind) {
        return (Supplier<? extends Authentication> authentication, RequestAuthorizationContext request) -> {
            Authentication caller = authentication.get();
            String accountId = request.getVariables().get(ACCOUNT_ID);
            return new AuthorizationDecision(caller != null && caller.isAuthenticated() && kind.test(caller)
                    && sameAccount(caller.getName(), accountId));
        };
    }

    /** Compares as UUIDs, so that the case of the hex digits does not matter; anything else is no account. */
    private static boolean sameAccount(String subject, String accountId) {
        try {
            return subject != null && accountId != null && UUID.fromString(subject).equals(UUID.fromString(accountId));
        } catch (IllegalArgumentException notAnAccountId) {
            return false;
        }
    }
}
