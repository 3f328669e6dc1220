package com.eoc.accounts.platform.security;

import com.eoc.accounts.localsigningkey.LocalSigningKey;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.util.StringUtils;

/**
 * The stand-in for an identity provider in the {@code local} profile, and in no other: JWTs
 * signed with a key kept in the local data folder ({@code accounts.security.local.signing-key-file}).
 */
@Configuration(proxyBeanMethods = false)
@Profile(LocalIdentityProvider.PROFILE)
public class LocalIdentityProvider {

    public static final String PROFILE = "local";
    /**
     * The default {@code iss} of the local JWTs: the address of the web app, whose local
     * authorization server signs them too. A URL, as OpenID Connect clients require of an issuer.
     */
    public static final String DEFAULT_ISSUER = "http://localhost:8000";

    private final RSAKey key;
    private final String issuer;

    LocalIdentityProvider(@Value("${accounts.security.local.signing-key-file}") Path file,
                          @Value("${accounts.security.local.issuer:" + DEFAULT_ISSUER + "}") String issuer,
                          Environment environment) {
        refuseBesideARealIdentityProvider(environment);
        this.issuer = requireUrl(issuer);
        this.key = LocalSigningKey.loadOrCreate(file);
    }

    private static String requireUrl(String issuer) {
        try {
            URI uri = new URI(issuer);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return issuer;
            }
        } catch (URISyntaxException | NullPointerException notAUri) {
            // refused below
        }
        throw new IllegalStateException("accounts.security.local.issuer (LOCAL_ISSUER) must be an http(s) URL, as "
                + "OpenID Connect requires of an issuer, such as " + DEFAULT_ISSUER + ": not '" + issuer + "'");
    }

    /** The {@code iss} that the local JWTs carry and the local decoder requires. */
    public String issuer() {
        return issuer;
    }

    /**
     * The local decoder would silently take the place of the identity provider's: a deployment
     * that names one and also runs this profile is a mistake, and would hand out admin JWTs.
     */
    private static void refuseBesideARealIdentityProvider(Environment environment) {
        for (String property : List.of("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri")) {
            if (StringUtils.hasText(environment.getProperty(property))) {
                throw new IllegalStateException("The '" + PROFILE + "' profile signs its own JWTs, but " + property
                        + " names an identity provider: run without the '" + PROFILE + "' profile to use it");
            }
        }
    }

    @Bean
    JwtDecoder localJwtDecoder() throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), RequiredClaims.validator()));
        return decoder;
    }

    /** @param rolesClaim where the applications read the roles (platform.yml), so where the local JWTs carry them */
    @Bean
    DevTokens devTokens(@Value("${accounts.security.local.token-lifetime}") Duration lifetime,
            @Value("${spring.security.oauth2.resourceserver.jwt.authorities-claim-name}") String rolesClaim) {
        // the system's time, not the application's Clock: the decoder checks iat and exp against it
        return new DevTokens(new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key))), issuer, rolesClaim,
                lifetime, Clock.systemUTC());
    }
}
