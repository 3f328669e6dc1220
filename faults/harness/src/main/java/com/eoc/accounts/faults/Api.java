package com.eoc.accounts.faults;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.eoc.accounts.harness.Http;
import com.eoc.accounts.harness.Json;

/**
 * The two sides' HTTP API as the trials use it: every command on any node, each answer an
 * {@link Outcome}, never an exception, so that a fault is counted rather than thrown.
 */
final class Api {

    /** Long enough to see a request hang through a database outage, and say so. */
    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(20);

    private final Http http = new Http(Duration.ofSeconds(2), ANSWER_LIMIT);
    private final Map<UUID, String> owners = new ConcurrentHashMap<>();
    private String admin;

    /** Gets an administrator's JWT and one for the owner of each account from the local identity provider. */
    void signIn(Node commandSide) throws Exception {
        admin = jwt(commandSide, "fault-trials", "\"admin\"");
    }

    private String jwt(Node commandSide, String subject, String roles) throws Exception {
        Http.Response answer = http.expectOk(http.post(commandSide.base().resolve("/dev/tokens"),
                "{\"subject\":\"" + subject + "\",\"roles\":[" + roles + "]}"), "POST /dev/tokens");
        return Json.string(answer.body(), "token");
    }

    /** Registers that many accounts on that node; answers their ids, each with its owner's JWT at hand. */
    List<UUID> register(Node commandSide, String run, int count) throws Exception {
        List<UUID> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Outcome registered = send(admin, HttpRequest.newBuilder(commandSide.base().resolve("/api/accounts"))
                    .POST(json("{\"firstName\":\"Fault\",\"lastName\":\"Trial " + i + "\",\"email\":\"" + run + "-" + i
                            + "@example.com\"}")), null);
            if (registered.status() != 201) {
                throw new IllegalStateException("registering an account answered " + registered.status() + ": " + registered.body());
            }
            UUID account = UUID.fromString(Json.string(registered.body(), "accountId"));
            owners.put(account, jwt(commandSide, account.toString(), ""));
            accounts.add(account);
        }
        return accounts;
    }

    Outcome rename(Node node, UUID account, String lastName, Long ifMatch) {
        return send(owners.get(account), HttpRequest.newBuilder(node.base().resolve("/api/accounts/" + account + "/name"))
                .PUT(json("{\"firstName\":\"Fault\",\"lastName\":\"" + lastName + "\"}")), ifMatch);
    }

    Outcome changeEmail(Node node, UUID account, String email) {
        return send(owners.get(account), HttpRequest.newBuilder(node.base().resolve("/api/accounts/" + account + "/email"))
                .PUT(json("{\"email\":\"" + email + "\"}")), null);
    }

    Outcome generateToken(Node node, UUID account) {
        return send(owners.get(account), HttpRequest.newBuilder(node.base().resolve("/api/accounts/" + account + "/api-token"))
                .POST(json("{\"expiresInDays\":30}")), null);
    }

    Outcome deleteToken(Node node, UUID account) {
        return send(owners.get(account), HttpRequest.newBuilder(node.base().resolve("/api/accounts/" + account + "/api-token"))
                .DELETE(), null);
    }

    /** The query side's view of an account, as an administrator reads it, once it is at least at that version. */
    Outcome view(Node querySide, UUID account, long minVersion) {
        return send(admin, HttpRequest.newBuilder(querySide.base().resolve("/api/accounts/" + account
                + "?minVersion=" + minVersion)).GET(), null);
    }

    Outcome get(Node node, String path) {
        return send(admin, HttpRequest.newBuilder(node.base().resolve(path)).GET(), null);
    }

    Outcome post(Node node, String path) {
        return send(admin, HttpRequest.newBuilder(node.base().resolve(path)).POST(HttpRequest.BodyPublishers.noBody()), null);
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    /** The account's version: in the body, or only in the ETag of an answer without one (204). */
    private static long version(HttpResponse<String> answer) {
        long version = Json.number(answer.body(), "version");
        if (version < 0) {
            String tag = answer.headers().firstValue("ETag").orElse("").replace("W/", "").replace("\"", "");
            version = tag.matches("\\d+") ? Long.parseLong(tag) : -1;
        }
        return version;
    }

    private Outcome send(String token, HttpRequest.Builder request, Long ifMatch) {
        request.timeout(ANSWER_LIMIT).header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", "\"" + ifMatch + "\"");
        }
        long sent = System.nanoTime();
        int status;
        boolean retryAfter = false;
        long version = -1;
        String body = "";
        try {
            HttpResponse<String> answer = http.exchange(request);
            status = answer.statusCode();
            body = answer.body();
            retryAfter = answer.headers().firstValue("Retry-After").isPresent();
            version = version(answer);
        } catch (HttpTimeoutException e) {
            status = Outcome.TIMED_OUT;
        } catch (ConnectException e) {
            status = Outcome.REFUSED;
        } catch (IOException e) {
            status = Outcome.BROKEN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = Outcome.BROKEN;
        }
        return new Outcome(sent, System.nanoTime() - sent, status, retryAfter, version, body);
    }
}
