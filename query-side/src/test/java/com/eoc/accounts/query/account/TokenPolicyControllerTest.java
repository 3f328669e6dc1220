package com.eoc.accounts.query.account;

import static com.eoc.accounts.query.security.SliceCallers.withRole;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.eoc.accounts.platform.security.Roles;
import com.eoc.accounts.query.FixedClockConfiguration;
import com.eoc.accounts.query.security.WithQuerySideSecurity;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The policy is the configuration that the command side enforces, read from the same properties. */
@WebMvcTest(TokenPolicyController.class)
@Import({TokenExpiry.class, FixedClockConfiguration.class})
@WithQuerySideSecurity
@TestPropertySource(properties = {"accounts.token.expiry-choices=90,7,30", "accounts.token.warning-days=5"})
class TokenPolicyControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void answersTheConfiguredChoicesInOrderAndTheWarningRule() throws Exception {
        mvc.perform(get("/api/token-policy").with(withRole(Roles.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.expiryChoices").value(Matchers.contains(7, 30, 90)))
                .andExpect(jsonPath("$.warningDays").value(5))
                .andExpect(jsonPath("$.warningRule").value(Matchers.containsString("at most 5 days")));
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        mvc.perform(get("/api/token-policy")).andExpect(status().isUnauthorized());
    }
}
