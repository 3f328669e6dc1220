package com.eoc.accounts.command.token;

import com.eoc.accounts.command.token.TokenIntrospection.Introspected;
import com.eoc.accounts.platform.openapi.ProblemResponse;
import com.eoc.accounts.platform.web.ProblemDetailsSupport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Token introspection", description = "For services that receive an API token and ask whether it is good")
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
    @Operation(summary = "Whether an API token is active, and whose it is (RFC 7662; introspectors)",
            description = "The token goes in the form body: a request with a query string is refused, as a URL"
                    + " ends up in logs")
    @ApiResponse(responseCode = "200", description = "The token's state: {\"active\": false} for any token that"
            + " does not work", useReturnTypeSchema = true,
            headers = @Header(name = "Cache-Control", description = "no-store", required = true,
                    schema = @Schema(type = "string")))
    @ProblemResponse(status = HttpStatus.BAD_REQUEST, types = "token-in-url")
    ResponseEntity<Introspected> introspect(@RequestParam("token") String token, HttpServletRequest request) {
        if (request.getQueryString() != null) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetailsSupport.problem(
                    HttpStatus.BAD_REQUEST, "token-in-url", "Token in the URL",
                    "send the token in the form body (token=...), never in the URL"), null);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(introspection.introspect(token));
    }
}
