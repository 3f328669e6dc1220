package com.eoc.accounts.faults;

import java.util.ArrayList;
import java.util.List;

/** Threads that each repeat one step until stopped: a trial's clients, readers and watches. */
final class Loops {

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /** Starts a thread that runs {@code step} again and again until {@link #stop}. */
    void start(String name, Runnable step) {
        running = true;
        Thread thread = new Thread(() -> {
            while (running) {
                step.run();
            }
        }, name);
        thread.start();
        threads.add(thread);
    }

    /** Stops every thread once its step in flight is done. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
        threads.clear();
    }
}
