package com.eoc.accounts.platform.security;

import java.util.UUID;
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
 * {@code /api/accounts/{accountId}/name}). A JWT's caller owns the account that its {@code sub}
 * is the login of ({@link AccountLogins}); an API token owns the account it was made for.
 *
 * <p>The roles are checked first: a caller that a role lets in costs no look-up of its login. The
 * owner of a closed account is refused with {@link ClosedAccountException} (403 account-closed);
 * its API token was deleted when it was closed.
 */
public class AccountAccess {

    public static final String ACCOUNT_ID = "accountId";

    private final AccountLogins logins;

    public AccountAccess(AccountLogins logins) {
        this.logins = logins;
    }

    /** The account's owner, signed in with a JWT, and no one else whatever their roles. */
    public AuthorizationManager<RequestAuthorizationContext> owner() {
        return this::jwtOfTheOwner;
    }

    /** The account's owner, signed in with a JWT, or any of the roles. */
    public AuthorizationManager<RequestAuthorizationContext> ownerOr(String... roles) {
        return AuthorizationManagers.anyOf(AuthorityAuthorizationManager.hasAnyRole(roles), owner());
    }

    /** As {@link #ownerOr}, and also the account's own API token. */
    public AuthorizationManager<RequestAuthorizationContext> ownerOrOwnTokenOr(String... roles) {
        return AuthorizationManagers.anyOf(AuthorityAuthorizationManager.hasAnyRole(roles),
                AccountAccess::ownToken, owner());
    }

    private AuthorizationDecision jwtOfTheOwner(Supplier<? extends Authentication> authentication,
                                                RequestAuthorizationContext request) {
        Authentication caller = authentication.get();
        UUID account = accountOfThePath(request);
        boolean owner = account != null && caller instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()
                && logins.accountOf(jwt.getName()).filter(account::equals).isPresent();
        if (owner && logins.isClosed(account)) {
            throw new ClosedAccountException();
        }
        return new AuthorizationDecision(owner);
    }

    private static AuthorizationDecision ownToken(Supplier<? extends Authentication> authentication,
                                                  RequestAuthorizationContext request) {
        Authentication caller = authentication.get();
        UUID account = accountOfThePath(request);
        return new AuthorizationDecision(account != null && caller instanceof ApiTokenAuthentication token
                && token.isAuthenticated() && token.accountId().equals(account));
    }

    /** Compared as a UUID, so that the case of the hex digits does not matter; anything else is no account. */
    private static UUID accountOfThePath(RequestAuthorizationContext request) {
        String accountId = request.getVariables().get(ACCOUNT_ID);
        try {
            return accountId == null ? null : UUID.fromString(accountId);
        } catch (IllegalArgumentException notAnAccountId) {
            return null;
        }
    }
}
