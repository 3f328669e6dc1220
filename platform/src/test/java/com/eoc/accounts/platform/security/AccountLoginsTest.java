package com.eoc.accounts.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class AccountLoginsTest {

    private static final UUID ACCOUNT = UUID.fromString("0d6c1b8e-5a4e-4d8f-9a51-7f3e2c1b0a99");

    private final JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
    private final AccountLogins logins = new AccountLogins(jdbc);

    @Test
    void aFoundAccountIsRememberedForGood() {
        when(jdbc.sql(anyString()).param(any()).query(UUID.class).optional()).thenReturn(Optional.of(ACCOUNT));

        assertThat(logins.accountOf("auth0|ada")).contains(ACCOUNT);
        assertThat(logins.accountOf("auth0|ada")).contains(ACCOUNT);
        assertThat(logins.accountOf("auth0|ada")).contains(ACCOUNT);

        verify(jdbc.sql(anyString()).param(any()).query(UUID.class), times(1)).optional();
    }

    @Test
    void aLoginWithoutAccountIsAskedAgainSinceItMayBeRegisteredAnyMoment() {
        when(jdbc.sql(anyString()).param(any()).query(UUID.class).optional())
                .thenReturn(Optional.empty(), Optional.of(ACCOUNT));

        assertThat(logins.accountOf("auth0|ada")).isEmpty();
        assertThat(logins.accountOf("auth0|ada")).contains(ACCOUNT);
    }

    @Test
    void noSubjectIsNoAccountAndNoQuery() {
        assertThat(logins.accountOf(null)).isEmpty();

        verify(jdbc, times(0)).sql(anyString());
    }
}
