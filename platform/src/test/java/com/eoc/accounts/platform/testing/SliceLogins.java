package com.eoc.accounts.platform.testing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import com.eoc.accounts.platform.security.AccountLogins;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For web slices, which have no database: the logins are a mock (declared with
 * {@code @MockitoBean(types = AccountLogins.class, reset = MockReset.NONE)}) in which every
 * account was registered without a subject, so a subject that is an account id is that account's
 * login, and any other subject has no account. A test may bind another subject with its own stub.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SliceLogins {

    @Bean
    SmartInitializingSingleton accountsAreTheirOwnLogins(AccountLogins logins) {
        return () -> given(logins.accountOf(any())).willAnswer(call -> accountIdIn(call.getArgument(0)));
    }

    private static Optional<UUID> accountIdIn(String subject) {
        try {
            return subject == null ? Optional.empty() : Optional.of(UUID.fromString(subject))
                    .filter(id -> id.toString().equals(subject));
        } catch (IllegalArgumentException notAnAccountId) {
            return Optional.empty();
        }
    }
}
