package com.eoc.accounts.query.security;

import com.eoc.accounts.platform.security.AccountLogins;
import com.eoc.accounts.platform.security.ApiTokenIndex;
import com.eoc.accounts.platform.testing.SliceLogins;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockReset;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * For web-slice tests: the query side's real security rules in front of the controllers under
 * test, so that a slice is called as the API is, with credentials (see {@link SliceCallers}). A
 * slice has no database: the API token index is a mock, which a test may stub, and the logins are
 * {@link SliceLogins}': every account is its own id's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import({QuerySideSecurity.class, SliceLogins.class})
@MockitoBean(types = ApiTokenIndex.class)
@MockitoBean(types = AccountLogins.class, reset = MockReset.NONE)
public @interface WithQuerySideSecurity {
}
