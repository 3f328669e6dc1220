package com.eoc.accounts.platform.observability;

import com.eoc.accounts.platform.security.ApiTokenFormat;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id: the caller's {@value #HEADER}, if it sent a well-formed
 * one, or else a new one. It is answered in the same header, is in every log line written while
 * the request is handled (the logging context's {@value #KEY}), and the command side records it
 * in the metadata of the events the request causes, so that an operator can go from a caller's
 * complaint to the log lines of both sides and to the account's history.
 *
 * <p>A caller's value that is not well formed is replaced, not repeated: it would otherwise reach
 * log lines and events as the client sent it. So is one that starts like an API token, lest a
 * client's mistake put its token in plain text into the logs and the event store.
 */
public final class CorrelationIds extends OncePerRequestFilter {

    /** The request and response header. */
    public static final String HEADER = "X-Correlation-Id";
    /** The key in the logging context (MDC) and in an event's metadata. */
    public static final String KEY = "correlationId";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** The current request's correlation id; null outside a request. */
    public static String current() {
        return MDC.get(KEY);
    }

    private static boolean acceptable(String given) {
        return given != null && WELL_FORMED.matcher(given).matches() && !given.startsWith(ApiTokenFormat.PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = acceptable(given) ? given : UUID.randomUUID().toString();
        response.setHeader(HEADER, id);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(KEY, id)) {
            chain.doFilter(request, response);
        }
    }
}
