package com.eoc.accounts.command.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.eoc.accounts.command.account.Account.TokenIssued;
import com.eoc.accounts.command.account.Commands.DeleteToken;
import com.eoc.accounts.command.account.Commands.GenerateToken;
import com.eoc.accounts.command.account.Commands.RegisterAccount;
import com.eoc.accounts.command.account.Commands.RenameUser;
import com.eoc.accounts.command.account.Rejections.FieldViolation;
import com.eoc.accounts.command.account.Rejections.InvalidInputException;
import com.eoc.accounts.command.account.Rejections.LiveTokenExistsException;
import com.eoc.accounts.command.account.Rejections.NoTokenException;
import com.eoc.accounts.command.avatar.AvatarStore;
import com.eoc.accounts.command.avatar.StoredAvatar;
import com.eoc.accounts.command.email.EmailTakenException;
import com.eoc.accounts.command.login.SubjectTakenException;
import com.eoc.accounts.command.security.WithCommandSideSecurity;
import com.eoc.accounts.platform.security.Roles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every status code of the command table, and the problem+json shape of each failure, behind the
 * command side's real access rules: an administrator sends the commands unless a test is about who
 * may send them.
 */
@WebMvcTest(AccountCommandController.class)
@WithCommandSideSecurity
class AccountCommandControllerTest {

    private static final UUID ID = UUID.fromString("0d6c1b8e-5a4e-4d8f-9a51-7f3e2c1b0a99");
    private static final UUID SOMEONE_ELSE = UUID.fromString("6b1f0c2a-9d3e-4c57-8e21-0f4a5b6c7d8e");
    private static final RequestPostProcessor ADMIN = caller("ops-admin", Roles.ADMIN);
    private static final String ACCOUNT = "/api/accounts/" + ID;
    private static final String PROBLEM = "application/problem+json";
    private static final String WITH_SUBJECT =
            "{\"firstName\":\"A\",\"lastName\":\"L\",\"email\":\"a@example.com\",\"subject\":\"auth0|a\"}";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccountCommands commands;

    @MockitoBean
    AvatarStore avatars;

    @Test
    void registrationAnswers201WithLocationAndVersion() throws Exception {
        mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\"}")
                        .with(ADMIN))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/accounts/[0-9a-f-]{36}")))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.accountId").isString())
                .andExpect(jsonPath("$.version").value(0));
        verify(commands).send(any(RegisterAccount.class));
    }

    @Test
    void invalidInputIs400ListingEveryField() throws Exception {
        when(commands.send(any(RegisterAccount.class))).thenThrow(new InvalidInputException(List.of(
                new FieldViolation("firstName", "must not be blank"),
                new FieldViolation("email", "must be a valid email address"))));

        expectProblem(mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"firstName\":\"\",\"lastName\":\"L\",\"email\":\"nope\"}")
                        .with(ADMIN)), 400, "invalid-input")
                .andExpect(jsonPath("$.errors[0].field").value("firstName"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"))
                .andExpect(jsonPath("$.errors[1].field").value("email"));
    }

    @Test
    void takenEmailIs409() throws Exception {
        when(commands.send(any(RegisterAccount.class))).thenThrow(new EmailTakenException());

        expectProblem(mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                .content("{\"firstName\":\"A\",\"lastName\":\"L\",\"email\":\"a@example.com\"}")
                .with(ADMIN)), 409, "email-taken");
    }

    @Test
    void takenSubjectIs409() throws Exception {
        when(commands.send(any(RegisterAccount.class))).thenThrow(new SubjectTakenException());

        expectProblem(mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                .content(WITH_SUBJECT).with(ADMIN)), 409, "subject-taken");
    }

    @Test
    void registrationPassesTheSubjectOn() throws Exception {
        mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                        .content(WITH_SUBJECT).with(ADMIN))
                .andExpect(status().isCreated());
        verify(commands).send(argThat(command -> command instanceof RegisterAccount registration
                && "auth0|a".equals(registration.subject())));
    }

    @Test
    void anAdministratorWhoIsNotTheOwnerCannotGenerateTheToken() throws Exception {
        expectProblem(mvc.perform(post(ACCOUNT + "/api-token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"expiresInDays\":30}").with(ADMIN)), 403, "forbidden");
        verify(commands, never()).send(any());
    }

    @Test
    void anAdministratorWhoOwnsTheAccountGeneratesItsToken() throws Exception {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        when(commands.send(any(GenerateToken.class)))
                .thenReturn(new TokenIssued(UUID.randomUUID(), now, now.plusSeconds(7 * 86400), 1));

        mvc.perform(post(ACCOUNT + "/api-token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expiresInDays\":7}").with(caller(ID.toString(), Roles.ADMIN)))
                .andExpect(status().isCreated());
    }

    @Test
    void malformedJsonIs400AndSendsNothing() throws Exception {
        expectProblem(mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                .content("{\"firstName\":").with(ADMIN)), 400, "bad-request");
        verify(commands, never()).send(any());
    }

    @Test
    void wrongJsonTypeIs400() throws Exception {
        expectProblem(mvc.perform(post(ACCOUNT + "/api-token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"expiresInDays\":{\"days\":30}}").with(owner(ID))), 400, "bad-request");
        verify(commands, never()).send(any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"expiresInDays\":30.7}", "{\"expiresInDays\":7.999}", "{\"expiresInDays\":7.0}",
            "{\"expiresInDays\":30,\"expiresInDays\":365}", "{\"expiresInDays\":30} {}"})
    void aFractionADuplicateKeyOrTrailingContentIs400(String body) throws Exception {
        expectProblem(mvc.perform(post(ACCOUNT + "/api-token").contentType(MediaType.APPLICATION_JSON)
                .content(body).with(owner(ID))), 400, "bad-request");
        verify(commands, never()).send(any());
    }

    @Test
    void aBodyThatIsNotUtf8Is400() throws Exception {
        byte[] overlongSlash = "{\"firstName\":\"a\u00c0\u00afb\",\"lastName\":\"B\"}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        expectProblem(mvc.perform(put(ACCOUNT + "/name").contentType(MediaType.APPLICATION_JSON)
                .content(overlongSlash).with(ADMIN)), 400, "invalid-text");
        verify(commands, never()).send(any());
    }

    @Test
    void unsupportedMediaTypeIs415() throws Exception {
        expectProblem(mvc.perform(put(ACCOUNT + "/name").contentType(MediaType.TEXT_PLAIN).content("Ada").with(ADMIN)),
                415, "unsupported-media-type");
    }

    @Test
    void malformedAccountIdIs400() throws Exception {
        expectProblem(mvc.perform(put("/api/accounts/not-a-uuid/name").contentType(MediaType.APPLICATION_JSON)
                .content("{\"firstName\":\"A\",\"lastName\":\"B\"}").with(ADMIN)), 400, "invalid-parameter")
                .andExpect(jsonPath("$.detail").value("'accountId' must be a valid UUID"));
    }

    @Test
    void renameAnswers200WithVersionAndETagAndPassesIfMatchOn() throws Exception {
        when(commands.send(any(RenameUser.class))).thenReturn(4L);

        mvc.perform(put(ACCOUNT + "/name").contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"3\"")
                        .content("{\"firstName\":\"Ada\",\"lastName\":\"King\"}").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"4\""))
                .andExpect(jsonPath("$.accountId").value(ID.toString()))
                .andExpect(jsonPath("$.version").value(4));
        verify(commands).send(new RenameUser(ID, "Ada", "King", 3L));
    }

    @Test
    void malformedIfMatchIs400() throws Exception {
        expectProblem(mvc.perform(put(ACCOUNT + "/name").contentType(MediaType.APPLICATION_JSON)
                        .header("If-Match", "version three").content("{\"firstName\":\"A\",\"lastName\":\"B\"}")
                        .with(ADMIN)),
                400, "invalid-input")
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        verify(commands, never()).send(any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "\"3", "3\"", "\"3\", \"4\""})
    void anIfMatchThatIsNotOneQuotedTagIs400(String ifMatch) throws Exception {
        expectProblem(mvc.perform(put(ACCOUNT + "/name").contentType(MediaType.APPLICATION_JSON)
                        .header("If-Match", ifMatch).content("{\"firstName\":\"A\",\"lastName\":\"B\"}")
                        .with(ADMIN)),
                400, "invalid-input")
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        verify(commands, never()).send(any());
    }

    @Test
    void weakIfMatchNeverMatchesSoIs412() throws Exception {
        expectProblem(mvc.perform(put(ACCOUNT + "/name").contentType(MediaType.APPLICATION_JSON)
                        .header("If-Match", "W/\"3\"").content("{\"firstName\":\"A\",\"lastName\":\"B\"}").with(ADMIN)),
                412, "stale-version");
        verify(commands, never()).send(any());
    }

    @Test
    void unknownAccountIs404() throws Exception {
        when(commands.send(any(RenameUser.class))).thenThrow(new AggregateNotFoundException(ID.toString(), "none"));

        expectProblem(mvc.perform(put(ACCOUNT + "/name").contentType(MediaType.APPLICATION_JSON)
                .content("{\"firstName\":\"A\",\"lastName\":\"B\"}").with(ADMIN)), 404, "account-not-found");
    }

    @Test
    void staleIfMatchIs412() throws Exception {
        when(commands.send(any(RenameUser.class)))
                .thenThrow(new ConflictingAggregateVersionException(ID.toString(), 1, 2));

        expectProblem(mvc.perform(put(ACCOUNT + "/name").contentType(MediaType.APPLICATION_JSON)
                        .header("If-Match", "\"1\"").content("{\"firstName\":\"A\",\"lastName\":\"B\"}").with(ADMIN)),
                412, "stale-version")
                .andExpect(jsonPath("$.currentVersion").value(2));
    }

    @Test
    void emailChangeAnswers200() throws Exception {
        when(commands.send(any(Commands.ChangeEmail.class))).thenReturn(2L);

        mvc.perform(put(ACCOUNT + "/email").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"ada@lovelace.org\"}").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void avatarAnswers200WithTheStoredImage() throws Exception {
        StoredAvatar stored = new StoredAvatar("f".repeat(64), "image/png", 32, 16, 99);
        when(avatars.save(any())).thenReturn(stored);
        when(commands.inOneTransaction(any())).thenAnswer(call -> call.<Supplier<?>>getArgument(0).get());
        when(commands.send(any(Commands.ChangeAvatar.class))).thenReturn(5L);

        mvc.perform(multipart(ACCOUNT + "/avatar").file(new MockMultipartFile("image", "me.png", "image/png",
                                png(32, 16))).with(request -> {
                            request.setMethod("PUT");
                            return request;
                        }).with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"5\""))
                .andExpect(jsonPath("$.version").value(5))
                .andExpect(jsonPath("$.avatar.digest").value("f".repeat(64)))
                .andExpect(jsonPath("$.avatar.contentType").value("image/png"))
                .andExpect(jsonPath("$.avatar.width").value(32))
                .andExpect(jsonPath("$.avatar.height").value(16))
                .andExpect(jsonPath("$.avatar.sizeBytes").value(99));
    }

    @Test
    void avatarThatIsNotAnImageIs415() throws Exception {
        expectProblem(mvc.perform(multipart(ACCOUNT + "/avatar").file(new MockMultipartFile("image", "me.png",
                        "image/png", "%PDF-1.7 not a picture".getBytes())).with(request -> {
                    request.setMethod("PUT");
                    return request;
                }).with(ADMIN)), 415, "unsupported-image-type");
        verify(avatars, never()).save(any());
    }

    @Test
    void corruptAvatarIs400() throws Exception {
        byte[] truncated = java.util.Arrays.copyOf(png(64, 64), 50);
        expectProblem(mvc.perform(multipart(ACCOUNT + "/avatar").file(new MockMultipartFile("image", "me.png",
                        "image/png", truncated)).with(request -> {
                    request.setMethod("PUT");
                    return request;
                }).with(ADMIN)), 400, "invalid-image")
                .andExpect(jsonPath("$.detail").value(containsString("could not be read")));
        verify(avatars, never()).save(any());
    }

    @Test
    void avatarWithoutTheImagePartIs400() throws Exception {
        expectProblem(mvc.perform(multipart(ACCOUNT + "/avatar").file(new MockMultipartFile("picture", "me.png",
                "image/png", png(8, 8))).with(request -> {
                    request.setMethod("PUT");
                    return request;
                }).with(ADMIN)), 400, "bad-request");
    }

    @Test
    void tokenIsShownOnceIn201() throws Exception {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        UUID tokenId = UUID.randomUUID();
        when(commands.send(any(GenerateToken.class)))
                .thenReturn(new TokenIssued(tokenId, now, now.plusSeconds(30 * 86400), 3));

        mvc.perform(post(ACCOUNT + "/api-token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expiresInDays\":30}").with(owner(ID)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.tokenId").value(tokenId.toString()))
                .andExpect(jsonPath("$.token").value(matchesPattern("eoc_[0-9A-Za-z]{38}")))
                .andExpect(jsonPath("$.hint").value(matchesPattern("[0-9A-Za-z]{4}")))
                .andExpect(jsonPath("$.createdAt").value("2026-11-28T12:00:00Z"))
                .andExpect(jsonPath("$.expiresAt").value("2026-12-28T12:00:00Z"))
                .andExpect(jsonPath("$.version").value(3));
    }

    @Test
    void liveTokenIs409() throws Exception {
        when(commands.send(any(GenerateToken.class))).thenThrow(new LiveTokenExistsException());

        expectProblem(mvc.perform(post(ACCOUNT + "/api-token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expiresInDays\":30}").with(owner(ID))), 409, "live-token-exists")
                .andExpect(jsonPath("$.detail").value(containsString("delete the current token first")));
    }

    @Test
    void expiryNotOfferedIs400() throws Exception {
        when(commands.send(any(GenerateToken.class))).thenThrow(new InvalidInputException(List.of(
                new FieldViolation("expiresInDays", "must be one of [7, 30, 60, 90, 365]"))));

        expectProblem(mvc.perform(post(ACCOUNT + "/api-token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expiresInDays\":3}").with(owner(ID))), 400, "invalid-input")
                .andExpect(jsonPath("$.errors[0].field").value("expiresInDays"));
    }

    @Test
    void deleteAnswers204() throws Exception {
        when(commands.send(any(DeleteToken.class))).thenReturn(4L);

        mvc.perform(delete(ACCOUNT + "/api-token").with(ADMIN))
                .andExpect(status().isNoContent())
                .andExpect(header().string("ETag", "\"4\""));
    }

    @Test
    void deleteWithoutTokenIs404() throws Exception {
        when(commands.send(any(DeleteToken.class))).thenThrow(new NoTokenException());

        expectProblem(mvc.perform(delete(ACCOUNT + "/api-token").with(ADMIN)), 404, "no-token");
    }

    @Test
    void unexpectedFailureIs500WithoutInternals() throws Exception {
        when(commands.send(any(DeleteToken.class))).thenThrow(new IllegalStateException("connection pool exhausted"));

        expectProblem(mvc.perform(delete(ACCOUNT + "/api-token").with(ADMIN)), 500, "internal-error")
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("pool"))));
    }

    @Test
    void withoutCredentialsEveryCommandIs401WithABearerChallenge() throws Exception {
        for (AbstractMockHttpServletRequestBuilder<?> command : everyCommand()) {
            expectProblem(mvc.perform(command), 401, "unauthenticated")
                    .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        }
        verify(commands, never()).send(any());
    }

    @Test
    void theOwnerMaySendCommandsOnTheOwnAccount() throws Exception {
        when(commands.send(any(RenameUser.class))).thenReturn(1L);
        when(commands.send(any(DeleteToken.class))).thenReturn(2L);

        mvc.perform(put(ACCOUNT + "/name").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"firstName\":\"Ada\",\"lastName\":\"King\"}").with(owner(ID)))
                .andExpect(status().isOk());
        // the account id in the path is a UUID, whatever the case of its hex digits
        mvc.perform(delete("/api/accounts/" + ID.toString().toUpperCase() + "/api-token").with(owner(ID)))
                .andExpect(status().isNoContent());
    }

    @Test
    void theOwnerOfAnotherAccountIs403OnEveryCommand() throws Exception {
        for (AbstractMockHttpServletRequestBuilder<?> command : everyCommand()) {
            expectProblem(mvc.perform(command.with(owner(SOMEONE_ELSE))), 403, "forbidden")
                    .andExpect(header().string("WWW-Authenticate", "Bearer error=\"insufficient_scope\""));
        }
        verify(commands, never()).send(any());
    }

    @Test
    void onlyAnAdministratorRegistersAccounts() throws Exception {
        expectProblem(mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                .content("{\"firstName\":\"A\",\"lastName\":\"L\",\"email\":\"a@example.com\"}")
                .with(owner(ID))), 403, "forbidden");
        verify(commands, never()).send(any());
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.AUDITOR, Roles.VIEWER, Roles.INTROSPECTOR})
    void readingRolesMaySendNoCommand(String role) throws Exception {
        for (AbstractMockHttpServletRequestBuilder<?> command : everyCommand()) {
            expectProblem(mvc.perform(command.with(caller("service-" + role, role))), 403, "forbidden");
        }
        verify(commands, never()).send(any());
    }

    @Test
    void securityHeadersAreOnEveryResponse() throws Exception {
        when(commands.send(any(RenameUser.class))).thenReturn(1L);

        for (RequestPostProcessor caller : List.of(ADMIN, owner(SOMEONE_ELSE), anonymous())) {
            mvc.perform(put(ACCOUNT + "/name").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"firstName\":\"A\",\"lastName\":\"B\"}").with(caller))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("Content-Security-Policy", "frame-ancestors 'none'"))
                    .andExpect(header().string("Referrer-Policy", "no-referrer"))
                    .andExpect(header().string("Cache-Control", containsString("no-store")));
        }
    }

    /** One request per command of the table, on the account {@link #ID}, without credentials. */
    private static List<AbstractMockHttpServletRequestBuilder<?>> everyCommand() throws IOException {
        return List.of(
                post("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"firstName\":\"A\",\"lastName\":\"L\",\"email\":\"a@example.com\"}"),
                put(ACCOUNT + "/name").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"firstName\":\"A\",\"lastName\":\"B\"}"),
                put(ACCOUNT + "/email").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"b@example.com\"}"),
                multipart(HttpMethod.PUT, ACCOUNT + "/avatar")
                        .file(new MockMultipartFile("image", "me.png", "image/png", png(8, 8))),
                post(ACCOUNT + "/api-token").contentType(MediaType.APPLICATION_JSON).content("{\"expiresInDays\":30}"),
                delete(ACCOUNT + "/api-token"));
    }

    /** A caller with a JWT for {@code subject} holding {@code roles}, as the identity provider would send. */
    private static RequestPostProcessor caller(String subject, String... roles) {
        return jwt().jwt(token -> token.subject(subject).claim("roles", List.of(roles)))
                .authorities(Arrays.stream(roles)
                        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }

    /** The account's owner: a JWT whose subject is the account's login (here its id: SliceLogins), without a role. */
    private static RequestPostProcessor owner(UUID accountId) {
        return caller(accountId.toString());
    }

    private static ResultActions expectProblem(ResultActions result, int status, String type) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:eoc:problem:" + type))
                .andExpect(jsonPath("$.title").isString())
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").isString());
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
