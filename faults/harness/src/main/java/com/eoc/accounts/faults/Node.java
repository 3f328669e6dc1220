package com.eoc.accounts.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.eoc.accounts.harness.Http;

/**
 * One application process, the command side or the query side, started from its jar with the JVM
 * options it runs with everywhere. It keeps its port across restarts, so that clients find it
 * again as they would behind a load balancer.
 */
final class Node {

    /** How long an application may take to answer UP: two cores shared with the others' start-ups. */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(240);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final URI base;
    private final Http probe = new Http(Duration.ofSeconds(1), Duration.ofSeconds(2));
    private Process process;

    Node(String name, List<String> command, Map<String, String> environment, Path log, int port) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.log = log;
        this.base = URI.create("http://localhost:" + port);
    }

    String name() {
        return name;
    }

    URI base() {
        return base;
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Starts the process and waits until its health answers UP; answers the seconds that took. */
    double start() throws IOException, InterruptedException {
        long began = System.nanoTime();
        Files.writeString(log, "---- started by the fault trials\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        process = builder.start();
        long deadline = began + STARTUP_LIMIT.toNanos();
        while (!healthy("/actuator/health")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not start (log: " + log + ")");
            }
            Thread.sleep(100);
        }
        return (System.nanoTime() - began) / 1e9;
    }

    /** kill -9: no shutdown hook, no last write, as a crashed machine or an OOM killer would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A clean stop (SIGTERM), then SIGKILL if it lingers. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** The health group at that path answers UP. */
    boolean healthy(String path) {
        try {
            HttpResponse<String> answer = probe.exchange(probe.request(base.resolve(path)).GET());
            return answer.statusCode() == 200 && answer.body().contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Readiness (Kubernetes' probe), where a load balancer looks before sending requests. */
    boolean ready() {
        return healthy("/actuator/health/readiness");
    }

    static List<String> javaCommand(Settings settings, Path options, Path jar) {
        List<String> command = new ArrayList<>(List.of(settings.java(), "@" + options));
        command.addAll(settings.extraJavaOptions());
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }
}
