package com.eoc.accounts.query.expirywarnings;

import static com.eoc.accounts.query.security.SliceCallers.withRole;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.eoc.accounts.platform.security.Roles;
import com.eoc.accounts.query.security.WithQuerySideSecurity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(TokenExpiryWarningController.class)
@WithQuerySideSecurity
class TokenExpiryWarningControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TokenExpiryWarningQuery warnings;

    private final UUID accountId = UUID.fromString("3f1c2a4e-8b7d-4c1e-9a55-0d2f6b7e8c91");
    private final UUID tokenId = UUID.fromString("a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d");
    private final UUID otherAccountId = UUID.fromString("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b");
    private final UUID otherTokenId = UUID.fromString("b1c2d3e4-f5a6-4b7c-9d8e-0f1a2b3c4d5e");

    @Test
    void listsTheWarningsInTheQuerysOrderWithEveryField() throws Exception {
        given(warnings.current()).willReturn(List.of(
                new TokenExpiryWarningResponse(accountId, tokenId, "x9Qz", Instant.parse("2026-11-30T13:00:00Z"), 3),
                new TokenExpiryWarningResponse(otherAccountId, otherTokenId, "Ab12",
                        Instant.parse("2026-12-04T12:00:00Z"), 7)));

        mvc.perform(get("/api/token-expiry-warnings").with(withRole(Roles.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].accountId").value(accountId.toString()))
                .andExpect(jsonPath("$[0].tokenId").value(tokenId.toString()))
                .andExpect(jsonPath("$[0].hint").value("x9Qz"))
                .andExpect(jsonPath("$[0].expiresAt").value("2026-11-30T13:00:00Z"))
                .andExpect(jsonPath("$[0].daysUntilExpiry").value(3))
                .andExpect(jsonPath("$[0].length()").value(5))
                .andExpect(jsonPath("$[1].tokenId").value(otherTokenId.toString()))
                .andExpect(jsonPath("$[1].daysUntilExpiry").value(7));
    }

    @Test
    void noWarningsIsAnEmptyList() throws Exception {
        given(warnings.current()).willReturn(List.of());

        mvc.perform(get("/api/token-expiry-warnings").with(withRole(Roles.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
    }
}
