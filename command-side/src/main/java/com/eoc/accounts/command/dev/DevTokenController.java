package com.eoc.accounts.command.dev;

import com.eoc.accounts.command.account.Rejections.FieldViolation;
import com.eoc.accounts.command.account.Rejections.InvalidInputException;
import com.eoc.accounts.platform.security.DevTokens;
import com.eoc.accounts.platform.security.LocalIdentityProvider;
import com.eoc.accounts.platform.security.Roles;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /dev/tokens {subject, roles}}: a JWT signed with the local key, so that a newcomer
 * can call the API with curl. It exists in the {@code local} profile only; anywhere else the
 * identity provider hands out tokens and this path answers 404.
 */
@RestController
@Profile(LocalIdentityProvider.PROFILE)
class DevTokenController {

    /** The roles a JWT may carry; {@code api-token} belongs to API tokens alone. */
    private static final List<String> JWT_ROLES = List.of(Roles.ADMIN, Roles.AUDITOR, Roles.VIEWER, Roles.INTROSPECTOR);

    private final DevTokens tokens;

    DevTokenController(DevTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping(path = "/dev/tokens", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Minted> mint(@RequestBody TokenRequest request) {
        List<String> roles = request.roles() == null ? List.of() : request.roles();
        List<FieldViolation> violations = new ArrayList<>();
        if (request.subject() == null || request.subject().isBlank() || request.subject().length() > 255) {
            violations.add(new FieldViolation("subject",
                    "must be 1 to 255 characters: a user's login (an account's subject) or a service name"));
        }
        if (!roles.stream().allMatch(role -> role != null && JWT_ROLES.contains(role))) {
            violations.add(new FieldViolation("roles", "must each be one of " + JWT_ROLES));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Minted(tokens.mint(request.subject().strip(), roles)));
    }

    record TokenRequest(String subject, List<String> roles) {
    }

    /** The JWT; {@code toString} leaves it out, should the record ever be logged. */
    record Minted(String token) {

        @Override
        public String toString() {
            return "Minted[token=…]";
        }
    }
}
