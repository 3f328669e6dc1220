package com.eoc.accounts.localpostgres;

import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer.SharedPostgres;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * When a test run ends, closes the application contexts that {@link EmbeddedPostgresInitializer}
 * pointed at the shared server, while the server is still there. Left to the JVM's shutdown
 * hooks, they would close at the same time as the server, which stops itself from a hook of its
 * own (zonky's {@code EmbeddedPostgres} registers one): their event processors, which write their
 * positions as they stop, then waited 30 s for a connection. Found by JUnit through
 * {@code META-INF/services}.
 */
public class ContextsClosedBeforeExit implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        SharedPostgres.closeContexts();
    }
}
