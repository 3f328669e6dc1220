package com.eoc.accounts.query.account;

import static com.eoc.accounts.query.security.SliceCallers.withRole;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.eoc.accounts.platform.security.Roles;
import com.eoc.accounts.query.security.WithQuerySideSecurity;
import com.eoc.accounts.query.FixedClockConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(AccountSearchController.class)
@Import({TokenExpiry.class, FixedClockConfiguration.class})
@WithQuerySideSecurity
class AccountSearchControllerTest {

    static final Instant NOW = FixedClockConfiguration.NOW;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccountSearch accounts;

    private final UUID accountId = UUID.fromString("3f1c2a4e-8b7d-4c1e-9a55-0d2f6b7e8c91");
    private final UUID tokenId = UUID.fromString("a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d");

    @Test
    void withoutParametersListsTheFirstTwentyInNameOrder() throws Exception {
        Pageable expected = PageRequest.of(0, 20, Sort.by("lastName", "firstName", "accountId"));
        given(accounts.find("", expected)).willReturn(new PageImpl<>(List.of(ada()), expected, 41));

        mvc.perform(search())
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.totalItems").value(41))
                .andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void itemsHaveTheShapeOfTheAccountViewWithTheTokenStatusAsOfNow() throws Exception {
        AccountView view = ada();
        view.changeAvatar("ab".repeat(32), "image/png", 512, 512, 1000L);
        view.issueToken(tokenId, "x9Qz", NOW.minus(Duration.ofDays(25)), NOW.plus(Duration.ofDays(5)));
        given(accounts.find(eq("lace"), any())).willReturn(new PageImpl<>(List.of(view), PageRequest.of(2, 5), 11));

        mvc.perform(search().param("search", "lace").param("page", "2").param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.size").value(5))
                .andExpect(jsonPath("$.totalItems").value(11))
                .andExpect(jsonPath("$.items[0].accountId").value(accountId.toString()))
                .andExpect(jsonPath("$.items[0].firstName").value("Ada"))
                .andExpect(jsonPath("$.items[0].lastName").value("Lovelace"))
                .andExpect(jsonPath("$.items[0].email").value("ada@example.com"))
                .andExpect(jsonPath("$.items[0].avatarUrl").value("/api/accounts/" + accountId + "/avatar?v=" + "ab".repeat(8)))
                .andExpect(jsonPath("$.items[0].apiToken.hint").value("x9Qz"))
                .andExpect(jsonPath("$.items[0].apiToken.status").value("EXPIRING_SOON"))
                .andExpect(jsonPath("$.items[0].apiToken.daysUntilExpiry").value(5))
                .andExpect(jsonPath("$.items[0].version").value(3))
                .andExpect(jsonPath("$.items[0].updatedAt").value("2026-11-20T08:30:00Z"));
    }

    @Test
    void largestPageIsAHundred() throws Exception {
        given(accounts.find(any(), any())).willReturn(new PageImpl<>(List.of()));

        mvc.perform(search().param("size", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(100));
    }

    @Test
    void largerPageIsRefusedSayingTheLimit() throws Exception {
        expectInvalidParameter(mvc.perform(search().param("size", "101")), "size", "must be at most 100");
    }

    @Test
    void negativePageIsRefused() throws Exception {
        expectInvalidParameter(mvc.perform(search().param("page", "-1")),
                "page", "must be 0 or more (pages count from 0)");
    }

    @Test
    void emptyOrNegativeSizeIsRefused() throws Exception {
        expectInvalidParameter(mvc.perform(search().param("size", "0")), "size", "must be at least 1");
        expectInvalidParameter(mvc.perform(search().param("size", "-20")), "size", "must be at least 1");
    }

    /** Past this page, page × size no longer fits the int offset that JPA takes. */
    @Test
    void pageBeyondAddressableOffsetsIsRefused() throws Exception {
        expectInvalidParameter(mvc.perform(search().param("page", "21474837")),
                "page", "must be at most 21474836");
    }

    @Test
    void everyWrongParameterIsListed() throws Exception {
        mvc.perform(search().param("page", "-1").param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.detail").value("'page' must be 0 or more (pages count from 0); "
                        + "'size' must be at most 100"));
        then(accounts).should(never()).find(any(), any());
    }

    @Test
    void nonNumericPageOrSizeIsA400Problem() throws Exception {
        for (String[] parameter : new String[][] {{"page", "first"}, {"size", "1.5"}, {"page", "99999999999"}}) {
            mvc.perform(search().param(parameter[0], parameter[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:eoc:problem:invalid-parameter"))
                    .andExpect(jsonPath("$.status").value(400))
                    .andExpect(jsonPath("$.detail").value("'" + parameter[0] + "' must be a valid int"));
        }
    }

    private void expectInvalidParameter(ResultActions result, String field, String message) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:eoc:problem:invalid-parameter"))
                .andExpect(jsonPath("$.title").value("Invalid parameter"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("'" + field + "' " + message))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));
    }

    private AccountView ada() {
        return new AccountView(accountId, accountId.toString(), "Ada", "Lovelace", "ada@example.com", 3,
                Instant.parse("2026-11-20T08:30:00Z"));
    }

    @Test
    void aSearchWithControlCharactersIsRefused() throws Exception {
        mvc.perform(search().param("search", "ada\u0000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:eoc:problem:invalid-parameter"))
                .andExpect(jsonPath("$.errors[0].field").value("search"));
        mvc.perform(search().param("search", "x".repeat(255)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("search"));
    }

    /** {@code GET /api/accounts} as a dashboard calls it. */
    private static MockHttpServletRequestBuilder search() {
        return get("/api/accounts").with(withRole(Roles.VIEWER));
    }
}
