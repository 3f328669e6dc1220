package com.eoc.accounts.bench;

import com.eoc.accounts.harness.Http;
import com.eoc.accounts.harness.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The command side's HTTP API as the benchmark uses it: sign in, register accounts, rename them. */
final class CommandSide {

    private final Http http;
    private final URI base;
    /** Every rename gets a name no account has had, so that each one records an event. */
    private final AtomicLong renames = new AtomicLong();
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    CommandSide(Http http, URI base) {
        this.http = http;
        this.base = base;
    }

    /**
     * Asks the development token endpoint for an admin's token and sends it from now on. An
     * application without authentication answers 404 there, and the requests go without one.
     */
    boolean signIn() throws Exception {
        Http.Response answer = http.post(base.resolve("/dev/tokens"), "{\"subject\":\"bench\",\"roles\":[\"admin\"]}");
        if (answer.status() == 404) {
            return false;
        }
        http.expectOk(answer, "POST /dev/tokens");
        String token = Json.string(answer.body(), "token");
        if (token == null) {
            throw new IllegalStateException("POST /dev/tokens answered without a token: " + answer.body());
        }
        http.authenticateWith(token);
        return true;
    }

    /** Registers that many accounts from that many clients at once; answers their ids. */
    List<UUID> register(int count, int clients) throws InterruptedException {
        List<UUID> ids = Collections.synchronizedList(new ArrayList<>(count));
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count && failure.get() == null; i = next.getAndIncrement()) {
                    try {
                        ids.add(register(i));
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "register-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("registering accounts failed", failure.get());
        }
        return List.copyOf(ids);
    }

    UUID register(int i) throws Exception {
        String body = "{\"firstName\":\"Bench\",\"lastName\":\"User " + i + "\",\"email\":\"bench-" + run + "-" + i
                + "@example.com\"}";
        String answer = http.expectOk(http.post(base.resolve("/api/accounts"), body), "POST /api/accounts").body();
        return UUID.fromString(Json.string(answer, "accountId"));
    }

    /** Renames one of the accounts, chosen at random; answers the version the command answered. */
    long renameAny(List<UUID> accounts) throws Exception {
        return rename(accounts.get(ThreadLocalRandom.current().nextInt(accounts.size())));
    }

    long rename(UUID account) throws Exception {
        String body = "{\"firstName\":\"Bench\",\"lastName\":\"Renamed " + renames.incrementAndGet() + "\"}";
        String answer = http.expectOk(http.put(base.resolve("/api/accounts/" + account + "/name"), body),
                "PUT /api/accounts/{id}/name").body();
        return Json.requiredNumber(answer, "version");
    }
}
