package com.eoc.accounts.command.security;

import com.eoc.accounts.platform.security.AccountLogins;
import com.eoc.accounts.platform.security.ApiTokenIndex;
import com.eoc.accounts.platform.testing.SliceLogins;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockReset;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * For web-slice tests: the command side's real access rules ({@link CommandSideSecurity}) instead
 * of Spring Boot's default security. Callers are authenticated by spring-security-test's request
 * post-processors ({@code jwt()}), so the JWT decoder and the API token index, which need an
 * identity provider and a database, are mocks that such a test never reaches; the logins are
 * {@link SliceLogins}': every account is its own id's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import({CommandSideSecurity.class, SliceLogins.class})
@MockitoBean(types = {JwtDecoder.class, ApiTokenIndex.class})
@MockitoBean(types = AccountLogins.class, reset = MockReset.NONE)
public @interface WithCommandSideSecurity {
}
