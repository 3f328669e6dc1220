package com.eoc.accounts.command.token;

import com.eoc.accounts.command.token.TokenIntrospection.Introspected;
import com.eoc.accounts.platform.web.ProblemDetailsSupport;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/tokens/introspect} (RFC 7662): for services holding the role {@code introspector}. */
@RestController
class TokenIntrospectionController {

    private final TokenIntrospection introspection;

    TokenIntrospectionController(TokenIntrospection introspection) {
        this.introspection = introspection;
    }

    /**
     * The token comes in the form body, as RFC 7662 says. A query string is refused: a token in
     * the URL ends up in access logs, proxies and browser histories.
     */
    @PostMapping(path = "/api/tokens/introspect", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Introspected> introspect(@RequestParam("token") String token, HttpServletRequest request) {
        if (request.getQueryString() != null) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetailsSupport.problem(
                    HttpStatus.BAD_REQUEST, "token-in-url", "Token in the URL",
                    "send the token in the form body (token=...), never in the URL"), null);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(introspection.introspect(token));
    }
}
