package com.eoc.accounts.command.dev;

import com.eoc.accounts.platform.openapi.ProblemResponse;
import com.eoc.accounts.platform.security.DevTokens;
import com.eoc.accounts.platform.security.LocalIdentityProvider;
import com.eoc.accounts.platform.security.Roles;
import com.eoc.accounts.platform.web.ProblemDetailsSupport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Profile;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /dev/tokens {subject, roles}}: a JWT signed with the local key, so that a newcomer
 * can call the API with curl. It exists in the {@code local} profile only; anywhere else the
 * identity provider hands out tokens and this path answers 404. It stands alone: it answers its
 * own refusals, in the shape of the API's ({@code invalid-input} with {@code errors}), and no other
 * code knows of it.
 */
@RestController
@Profile(LocalIdentityProvider.PROFILE)
@Tag(name = "Local JWTs", description = "The local profile's identity provider, so that curl can call the API")
class DevTokenController {

    /** The roles a JWT may carry; {@code api-token} belongs to API tokens alone. */
    private static final List<String> JWT_ROLES = List.of(Roles.ADMIN, Roles.AUDITOR, Roles.VIEWER, Roles.INTROSPECTOR);

    private final DevTokens tokens;

    DevTokenController(DevTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping(path = "/dev/tokens", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A JWT signed with the local key (the local profile only)",
            description = "subject is a user's login (an account's subject) or a service's name; roles are among"
                    + " admin, auditor, viewer and introspector. Anywhere but the local profile this path is 404")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "The JWT", useReturnTypeSchema = true,
            headers = @Header(name = "Cache-Control", description = "no-store", required = true,
                    schema = @Schema(type = "string")))
    @ProblemResponse(status = HttpStatus.BAD_REQUEST, types = "invalid-input")
    ResponseEntity<Minted> mint(@RequestBody JwtRequest request) {
        List<String> roles = request.roles() == null ? List.of() : request.roles();
        List<FieldError> errors = new ArrayList<>();
        if (request.subject() == null || request.subject().isBlank() || request.subject().length() > 255) {
            errors.add(new FieldError("subject",
                    "must be 1 to 255 characters: a user's login (an account's subject) or a service name"));
        }
        if (!roles.stream().allMatch(role -> role != null && JWT_ROLES.contains(role))) {
            errors.add(new FieldError("roles", "must each be one of " + JWT_ROLES));
        }
        if (!errors.isEmpty()) {
            throw invalidInput(errors);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Minted(tokens.mint(request.subject().strip(), roles)));
    }

    private static ErrorResponseException invalidInput(List<FieldError> errors) {
        String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetailsSupport.problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                detail);
        problem.setProperty("errors", errors);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    record JwtRequest(String subject, List<String> roles) {
    }

    /** One refused field, as the API's {@code invalid-input} problems list them. */
    record FieldError(String field, String message) {
    }

    /** The JWT; {@code toString} leaves it out, should the record ever be logged. */
    record Minted(String token) {

        @Override
        public String toString() {
            return "Minted[token=…]";
        }
    }
}
