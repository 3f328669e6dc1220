package com.eoc.accounts.query.admin;

import static com.eoc.accounts.query.security.SliceCallers.withRole;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.eoc.accounts.platform.security.Roles;
import com.eoc.accounts.query.security.WithQuerySideSecurity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ProcessorAdminController.class)
@WithQuerySideSecurity
class ProcessorAdminControllerTest {

    private static final ProcessorStatus REPLAYING = new ProcessorStatus("accounts", 640L, false, true,
            new ProcessorStatus.ReplayProgress(512, 1000), 2, 1, 1000, 2, false, "node-a",
            List.of(new SegmentClaim(0, "node-a", true, 640L), new SegmentClaim(1, "node-b", false, 600L)));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ProcessorAdmin admin;

    @Test
    void listsEachProcessorWithItsPositionFlagsProgressAndDeadLetters() throws Exception {
        given(admin.processors()).willReturn(List.of(REPLAYING));

        mvc.perform(get("/api/admin/processors").with(withRole(Roles.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[0].name").value("accounts"))
                .andExpect(jsonPath("$[0].position").value(640))
                .andExpect(jsonPath("$[0].caughtUp").value(false))
                .andExpect(jsonPath("$[0].replaying").value(true))
                .andExpect(jsonPath("$[0].progress.done").value(512))
                .andExpect(jsonPath("$[0].progress.total").value(1000))
                .andExpect(jsonPath("$[0].segments").value(2))
                .andExpect(jsonPath("$[0].claimedSegments").value(1))
                .andExpect(jsonPath("$[0].node").value("node-a"))
                .andExpect(jsonPath("$[0].claims[1].segment").value(1))
                .andExpect(jsonPath("$[0].claims[1].owner").value("node-b"))
                .andExpect(jsonPath("$[0].claims[1].claimed").value(false))
                .andExpect(jsonPath("$[0].claims[1].position").value(600))
                .andExpect(jsonPath("$[0].head").value(1000))
                .andExpect(jsonPath("$[0].deadLetters").value(2));
    }

    @Test
    void replayIsAcceptedAndPointsToTheProcessor() throws Exception {
        given(admin.replay("accounts")).willReturn(REPLAYING);

        mvc.perform(post("/api/admin/processors/{name}/replay", "accounts").with(withRole(Roles.ADMIN)))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "http://localhost/api/admin/processors/accounts"))
                .andExpect(jsonPath("$.replaying").value(true));
    }

    @Test
    void deadLetterRetryIsAccepted() throws Exception {
        given(admin.retryDeadLetters("accounts")).willReturn(REPLAYING);

        mvc.perform(post("/api/admin/processors/{name}/dead-letters/retry", "accounts").with(withRole(Roles.ADMIN)))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "http://localhost/api/admin/processors/accounts"))
                .andExpect(jsonPath("$.deadLetters").value(2));
    }

    @Test
    void unknownProcessorIsA404Problem() throws Exception {
        given(admin.processor("nothing")).willThrow(new UnknownProcessorException("nothing"));

        mvc.perform(get("/api/admin/processors/{name}", "nothing").with(withRole(Roles.ADMIN)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:eoc:problem:processor-not-found"))
                .andExpect(jsonPath("$.title").value("No such event processor"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value(
                        "there is no event processor named 'nothing'; GET /api/admin/processors lists them"));
    }

    @Test
    void processorThatCannotBeReplayedIsA409Problem() throws Exception {
        given(admin.replay("accounts")).willThrow(
                new ReplayNotSupportedException("accounts", "one of its event handlers does not allow a replay"));

        mvc.perform(post("/api/admin/processors/{name}/replay", "accounts").with(withRole(Roles.ADMIN)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:eoc:problem:replay-not-supported"))
                .andExpect(jsonPath("$.status").value(409));
    }

    @Test
    void processorBusyOnAnotherNodeIsA409Problem() throws Exception {
        given(admin.replay("accounts")).willThrow(new SegmentsClaimedElsewhereException("accounts", null));

        mvc.perform(post("/api/admin/processors/{name}/replay", "accounts").with(withRole(Roles.ADMIN)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:eoc:problem:segments-claimed-elsewhere"));
    }

    @Test
    void retryWithoutDeadLetterQueueIsA409Problem() throws Exception {
        given(admin.retryDeadLetters("accounts")).willThrow(new NoDeadLetterQueueException("accounts"));

        mvc.perform(post("/api/admin/processors/{name}/dead-letters/retry", "accounts").with(withRole(Roles.ADMIN)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:eoc:problem:no-dead-letter-queue"));
    }

    /** Not the processors' own flags, which read "caught up" while they wait for a database that is gone. */
    @Test
    void processorsOfADatabaseThatDoesNotAnswerAreA503ProblemToAskAgain() throws Exception {
        given(admin.processors()).willThrow(new ProcessorStateUnknownException(
                new CannotGetJdbcConnectionException("connection refused")));

        mvc.perform(get("/api/admin/processors").with(withRole(Roles.ADMIN)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:eoc:problem:processor-state-unknown"))
                .andExpect(jsonPath("$.caughtUp").doesNotExist());
    }
}
