package com.eoc.accounts.command.token;

import com.eoc.accounts.command.token.TokenIntrospection.Introspected;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    @PostMapping(path = "/api/tokens/introspect", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Introspected> introspect(@RequestParam("token") String token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(introspection.introspect(token));
    }
}
