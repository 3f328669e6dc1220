package com.eoc.accounts.query.account;

import static com.eoc.accounts.query.security.SliceCallers.ownerOf;
import static com.eoc.accounts.query.security.SliceCallers.withRole;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.eoc.accounts.platform.security.AccountLogins;
import com.eoc.accounts.platform.security.ApiTokenIndex;
import com.eoc.accounts.platform.security.Roles;
import com.eoc.accounts.query.FixedClockConfiguration;
import com.eoc.accounts.query.security.WithQuerySideSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(AccountViewController.class)
@Import({TokenExpiry.class, FixedClockConfiguration.class})
@WithQuerySideSecurity
class AccountViewControllerTest {

    static final Instant NOW = FixedClockConfiguration.NOW;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccountViewRepository accounts;
    @MockitoBean
    ReadYourWrites readYourWrites;
    @Autowired
    AccountLogins logins;
    @Autowired
    ApiTokenIndex apiTokens;

    private final UUID accountId = UUID.fromString("3f1c2a4e-8b7d-4c1e-9a55-0d2f6b7e8c91");
    private final UUID tokenId = UUID.fromString("a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d");

    @Test
    void answersTheAccountWithItsVersionAsETag() throws Exception {
        AccountView view = registered(3);
        given(accounts.findById(accountId)).willReturn(Optional.of(view));

        mvc.perform(get("/api/accounts/{id}", accountId).with(ownerOf(accountId)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.accountId").value(accountId.toString()))
                .andExpect(jsonPath("$.firstName").value("Ada"))
                .andExpect(jsonPath("$.lastName").value("Lovelace"))
                .andExpect(jsonPath("$.email").value("ada@example.com"))
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.updatedAt").value("2026-11-20T08:30:00Z"));
    }

    @Test
    void accountWithoutAvatarOrTokenHasNullsForThem() throws Exception {
        given(accounts.findById(accountId)).willReturn(Optional.of(registered(0)));

        mvc.perform(get("/api/accounts/{id}", accountId).with(ownerOf(accountId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", allOf(hasEntry("avatarUrl", null), hasEntry("apiToken", null))));
    }

    @Test
    void avatarIsLinkedAndTokenShownWithItsStatus() throws Exception {
        AccountView view = registered(2);
        view.changeAvatar("ab".repeat(32), "image/png", 512, 512, 1000L);
        view.issueToken(tokenId, "x9Qz", NOW.minus(Duration.ofDays(25)), NOW.plus(Duration.ofDays(5)).plusSeconds(60));
        given(accounts.findById(accountId)).willReturn(Optional.of(view));

        mvc.perform(get("/api/accounts/{id}", accountId).with(ownerOf(accountId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.avatarUrl").value("/api/accounts/" + accountId + "/avatar?v=" + "ab".repeat(8)))
                .andExpect(jsonPath("$.apiToken.tokenId").value(tokenId.toString()))
                .andExpect(jsonPath("$.apiToken.hint").value("x9Qz"))
                .andExpect(jsonPath("$.apiToken.createdAt").value("2026-11-03T12:00:00Z"))
                .andExpect(jsonPath("$.apiToken.expiresAt").value("2026-12-03T12:01:00Z"))
                .andExpect(jsonPath("$.apiToken.status").value("EXPIRING_SOON"))
                .andExpect(jsonPath("$.apiToken.daysUntilExpiry").value(6));
    }

    @Test
    void tokenShowsWhenItWasLastUsedAsTheIndexKnowsIt() throws Exception {
        AccountView view = registered(1);
        view.issueToken(tokenId, "x9Qz", NOW.minus(Duration.ofDays(25)), NOW.plus(Duration.ofDays(5)));
        given(accounts.findById(accountId)).willReturn(Optional.of(view));
        given(apiTokens.lastUsedAt(accountId, tokenId)).willReturn(Optional.of(Instant.parse("2026-11-27T16:20:00Z")));

        mvc.perform(get("/api/accounts/{id}", accountId).with(ownerOf(accountId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.apiToken.lastUsedAt").value("2026-11-27T16:20:00Z"));
    }

    @Test
    void theOwnerOfAnotherAccountIsRefusedBeforeAnyViewIsRead() throws Exception {
        mvc.perform(get("/api/accounts/{id}", accountId).with(ownerOf(UUID.randomUUID())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:eoc:problem:forbidden"));

        then(accounts).shouldHaveNoInteractions();
    }

    @Test
    void expiredTokenIsShownAsExpiredWithNoDaysLeft() throws Exception {
        AccountView view = registered(1);
        view.issueToken(tokenId, "x9Qz", NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(10)));
        given(accounts.findById(accountId)).willReturn(Optional.of(view));

        mvc.perform(get("/api/accounts/{id}", accountId).with(ownerOf(accountId)))
                .andExpect(jsonPath("$.apiToken.status").value("EXPIRED"))
                .andExpect(jsonPath("$.apiToken.daysUntilExpiry").value(0));
    }

    @Test
    void unknownAccountIsA404Problem() throws Exception {
        given(accounts.findById(accountId)).willReturn(Optional.empty());

        mvc.perform(get("/api/accounts/{id}", accountId).with(ownerOf(accountId)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:eoc:problem:account-not-found"))
                .andExpect(jsonPath("$.title").value("No such account"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("there is no account with id " + accountId));
    }

    @Test
    void malformedIdIsA400Problem() throws Exception {
        mvc.perform(get("/api/accounts/{id}", "not-a-uuid").with(withRole(Roles.VIEWER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:eoc:problem:invalid-parameter"))
                .andExpect(jsonPath("$.title").value("Invalid parameter"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("'id' must be a valid UUID"));
    }

    @Test
    void springsOwnErrorsAreProblemsWithAType() throws Exception {
        // a path that no rule names is refused before Spring MVC sees it; one under the admin's is not
        mvc.perform(get("/api/admin/no-such-endpoint").with(withRole(Roles.ADMIN)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:eoc:problem:not-found"))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @Test
    void unexpectedFailureIsA500ProblemWithoutInternals() throws Exception {
        given(accounts.findById(accountId)).willThrow(new IllegalStateException("connection refused to db-7"));

        mvc.perform(get("/api/accounts/{id}", accountId).with(ownerOf(accountId)))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:eoc:problem:internal-error"))
                .andExpect(jsonPath("$.detail").value("the request could not be completed; it has been logged"));
    }

    @Test
    void theViewCarriesTheAccountsLogin() throws Exception {
        given(accounts.findById(accountId)).willReturn(Optional.of(registered(0)));

        mvc.perform(get("/api/accounts/{id}", accountId).with(ownerOf(accountId)))
                .andExpect(jsonPath("$.subject").value(accountId.toString()));
    }

    @Test
    void withMinVersionTheViewIsReadOnceItHasReachedIt() throws Exception {
        given(readYourWrites.atLeast(accountId, 3)).willReturn(registered(4));

        mvc.perform(get("/api/accounts/{id}?minVersion=3", accountId).with(ownerOf(accountId)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"4\""))
                .andExpect(jsonPath("$.version").value(4));
        then(accounts).shouldHaveNoInteractions();
    }

    @Test
    void aViewThatStaysBehindIs503WithRetryAfter() throws Exception {
        given(readYourWrites.atLeast(accountId, 9))
                .willThrow(new ViewBehindException(accountId, 9, Optional.of(4L)));

        mvc.perform(get("/api/accounts/{id}?minVersion=9", accountId).with(ownerOf(accountId)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:eoc:problem:view-behind"))
                .andExpect(jsonPath("$.detail").value(containsString("is at version 4")));
    }

    @Test
    void aNegativeOrNonNumericMinVersionIs400AndReadsNothing() throws Exception {
        for (String bad : new String[] {"-1", "x", "2.0"}) {
            mvc.perform(get("/api/accounts/{id}?minVersion=" + bad, accountId).with(ownerOf(accountId)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("urn:eoc:problem:invalid-parameter"));
        }
        then(readYourWrites).shouldHaveNoInteractions();
        then(accounts).shouldHaveNoInteractions();
    }

    @Test
    void meIsTheViewOfTheAccountWhoseLoginTheCallerIs() throws Exception {
        given(logins.accountOf("auth0|ada")).willReturn(Optional.of(accountId));
        given(accounts.findById(accountId)).willReturn(Optional.of(registered(2)));

        mvc.perform(get("/api/me").with(jwt().jwt(token -> token.subject("auth0|ada"))))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.accountId").value(accountId.toString()))
                .andExpect(jsonPath("$.firstName").value("Ada"));
    }

    @Test
    void meOfALoginWithoutAccountIs404NoAccount() throws Exception {
        mvc.perform(get("/api/me").with(withRole(Roles.ADMIN)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:eoc:problem:no-account"));
        then(accounts).shouldHaveNoInteractions();
    }

    @Test
    void meNeedsCredentials() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:eoc:problem:unauthenticated"));
    }

    private AccountView registered(long version) {
        return new AccountView(accountId, accountId.toString(), "Ada", "Lovelace", "ada@example.com", version,
                Instant.parse("2026-11-20T08:30:00Z"));
    }
}
