package com.eoc.accounts.web.localidp;

import static org.springframework.security.config.Customizer.withDefaults;

import com.eoc.accounts.localsigningkey.LocalSigningKey;
import com.eoc.accounts.web.security.BrowserProtections;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The stand-in for an identity provider in the {@code local} profile, and in no other: Spring
 * Security's authorization server on this same application, so that {@code ./run} needs nothing
 * more. The page signs in against it exactly as against a real provider (authorization code with
 * PKCE, then tokens from the back channel); the tokens are signed with the local key file that the
 * two sides accept.
 *
 * <p>Its sign-in is kept apart from the page's: it lives in its own session attribute, so the
 * page's filter chain sees a user as signed in only once the OpenID Connect sign-in has completed,
 * and the provider sees only who signed in with its form.
 */
@Configuration(proxyBeanMethods = false)
@Profile(LocalAuthorizationServer.PROFILE)
class LocalAuthorizationServer {

    static final String PROFILE = "local";
    /** The page's client registration with this provider ({@code /oauth2/authorization/local}). */
    static final String REGISTRATION_ID = "local";
    static final String CLIENT_ID = "web";
    static final String ROLES_CLAIM = "roles";
    static final String SIGN_IN_PAGE = "/login";

    private static final String SECURITY_CONTEXT_ATTRIBUTE = "LOCAL_IDP_SECURITY_CONTEXT";
    private static final String SAVED_REQUEST_ATTRIBUTE = "LOCAL_IDP_SAVED_REQUEST";
    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    /** As configured: the sides compare the tokens' {@code iss} with the same text. */
    private final String issuer;
    /** The issuer without a trailing slash, for the endpoints' addresses. */
    private final String base;
    /**
     * Made anew at every start and known only to this process, which is both the client and the
     * provider: nothing to configure and nothing that could leak from a file.
     */
    private final String clientSecret;

    LocalAuthorizationServer(@Value("${accounts.security.local.issuer}") String issuer, Environment environment) {
        refuseBesideAConfiguredProvider(environment);
        URI.create(issuer); // refuses what is not a URI at start-up
        this.issuer = issuer;
        this.base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /**
     * A deployment that names an identity provider with Spring Boot's client properties and also
     * runs this profile is a mistake: the page would sign in here, where every password is known.
     */
    private static void refuseBesideAConfiguredProvider(Environment environment) {
        Binder binder = Binder.get(environment);
        for (String property : new String[] {"spring.security.oauth2.client.registration",
                "spring.security.oauth2.client.provider"}) {
            if (binder.bind(property, Bindable.mapOf(String.class, Object.class)).map(Map::isEmpty).orElse(true)) {
                continue;
            }
            throw new IllegalStateException("The '" + PROFILE + "' profile is its own identity provider, but "
                    + property + ".* names another: run without the '" + PROFILE + "' profile to use it");
        }
    }

    // ------------------------------------------------------------------ the provider

    /** The provider's endpoints: authorize, token, JWK set, OpenID configuration, user info. */
    @Bean
    @Order(1)
    SecurityFilterChain localProviderEndpoints(HttpSecurity http, JWKSource<SecurityContext> keys) {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // the user info endpoint takes the provider's own access tokens
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(OAuth2AuthorizationServerConfiguration.jwtDecoder(keys))))
                .securityContext(context -> context.securityContextRepository(signInContexts()))
                .requestCache(cache -> cache.requestCache(signInRequests()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(BrowserProtections.CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /** The provider's sign-in form (a template without inline script or style, so the CSP holds). */
    @Bean
    @Order(2)
    SecurityFilterChain localSignInForm(HttpSecurity http) {
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl(SIGN_IN_PAGE + "?refused");
        failures.setExceptionMappings(Map.of(InternalAuthenticationServiceException.class.getName(),
                SIGN_IN_PAGE + "?unavailable"));
        http.securityMatcher(SIGN_IN_PAGE, SignInPage.ASSETS + "/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .formLogin(form -> form.loginPage(SIGN_IN_PAGE).failureHandler(failures))
                .securityContext(context -> context.securityContextRepository(signInContexts()))
                .requestCache(cache -> cache.requestCache(signInRequests()))
                .csrf(csrf -> csrf.spa().csrfTokenRepository(BrowserProtections.csrfTokenRepository()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(BrowserProtections.CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    private static SecurityContextRepository signInContexts() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setSpringSecurityContextKey(SECURITY_CONTEXT_ATTRIBUTE);
        return repository;
    }

    /** The authorization request that sent a person to the form, to resume it after they sign in. */
    private static RequestCache signInRequests() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setSessionAttrName(SAVED_REQUEST_ATTRIBUTE);
        cache.setRequestMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/oauth2/authorize"));
        return cache;
    }

    @Bean
    JWKSource<SecurityContext> localSigningKey(@Value("${accounts.security.local.signing-key-file}") Path file) {
        RSAKey key = LocalSigningKey.loadOrCreate(file);
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().issuer(issuer).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(
            @Value("${accounts.security.local.access-token-lifetime}") Duration accessTokenLifetime,
            @Value("${accounts.security.local.refresh-token-lifetime}") Duration refreshTokenLifetime) {
        RegisteredClient page = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CLIENT_ID)
                // a random secret held in memory only, so no hashing; the delegating encoder wants a prefix
                .clientSecret("{noop}" + clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(redirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(accessTokenLifetime)
                        .refreshTokenTimeToLive(refreshTokenLifetime)
                        .build())
                .build();
        return new InMemoryRegisteredClientRepository(page);
    }

    /**
     * The provider's record of what it issued, in memory: a restart of this application ends every
     * local sign-in anyway (the page's sessions are in memory too).
     */
    @Bean
    OAuth2AuthorizationService authorizations() {
        return new InMemoryOAuth2AuthorizationService();
    }

    /**
     * The page's address after sign-in: the issuer's, and when that is {@code localhost}, also
     * {@code 127.0.0.1}, so that a page opened at either address gets back to its own session.
     */
    private List<String> redirectUris() {
        String path = "/login/oauth2/code/" + REGISTRATION_ID;
        URI address = URI.create(base);
        if ("localhost".equals(address.getHost())) {
            String loopback = UriComponentsBuilder.fromUri(address).host("127.0.0.1").toUriString();
            return List.of(base + path, loopback + path);
        }
        return List.of(base + path);
    }

    /** The claims the two sides read ({@code sub}, {@code roles}) and the names the page shows. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> localClaims() {
        return context -> {
            if (!(context.getPrincipal().getPrincipal() instanceof LocalUser user)) {
                return;
            }
            boolean idToken = ID_TOKEN.equals(context.getTokenType());
            if (idToken || OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().claim(ROLES_CLAIM, user.roles());
            }
            if (idToken) {
                context.getClaims().claim(StandardClaimNames.NAME, user.displayName());
                if (user.email() != null) {
                    context.getClaims().claim(StandardClaimNames.EMAIL, user.email());
                    context.getClaims().claim(StandardClaimNames.PREFERRED_USERNAME, user.email());
                } else {
                    context.getClaims().claim(StandardClaimNames.PREFERRED_USERNAME, user.getUsername());
                }
            }
        };
    }

    @Bean
    LocalUsers localUsers(RestClient.Builder http, @Value("${accounts.web.query-side-url}") URI querySide,
                          JWKSource<SecurityContext> keys, @Value("${accounts.security.local.password}") String password) {
        if (!StringUtils.hasText(password)) {
            throw new IllegalStateException("accounts.security.local.password (LOCAL_IDP_PASSWORD) must not be empty");
        }
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password);
        return new LocalUsers(http.baseUrl(querySide.toString()).build(),
                new SelfIssuedTokens(new NimbusJwtEncoder(keys), issuer, Clock.systemUTC()), hash);
    }

    // ------------------------------------------------------------------ the page as its client

    /**
     * The page's registration with this provider, with every endpoint named: nothing is fetched
     * from the provider at start-up (it is this very application, not listening yet). The back
     * channel (token, JWK set) reaches the provider at its issuer address too.
     */
    @Bean
    ClientRegistrationRepository clientRegistrations() {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Local identity provider")
                .clientId(CLIENT_ID)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(OidcScopes.OPENID, OidcScopes.PROFILE)
                .authorizationUri(base + "/oauth2/authorize")
                .tokenUri(base + "/oauth2/token")
                .jwkSetUri(base + "/oauth2/jwks")
                // checked against the ID token's iss (no discovery happens for it)
                .issuerUri(issuer)
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }
}
