package com.eoc.accounts.localpostgres;

import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer.SharedPostgres;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * When the tests of a JVM are done, closes the application contexts that
 * {@link EmbeddedPostgresInitializer} pointed at the shared server (and whatever else was handed
 * to {@code SharedPostgres.closeWhenTestsEnd}), while the server is still there. Left to the JVM's shutdown hooks, they would close at the same time as the server, which
 * stops itself from a hook of its own (zonky's {@code EmbeddedPostgres} registers one): their
 * event processors, which write their positions as they stop, then waited up to 30 s for a
 * connection. At the end of the launcher session, not of a test plan: a JVM may run several plans
 * (a re-run of failed tests), and the later ones get their contexts from Spring's cache. Found by
 * JUnit through {@code META-INF/services}.
 */
public class ContextsClosedBeforeExit implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SharedPostgres.closeUsers();
    }
}
