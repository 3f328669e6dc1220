package com.eoc.accounts.platform.security;

import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** Why an API token was refused: safe to tell the client, as it never holds the token. */
public final class RefusedApiTokenException extends InvalidBearerTokenException {

    RefusedApiTokenException(String reason) {
        super(reason);
    }
}
