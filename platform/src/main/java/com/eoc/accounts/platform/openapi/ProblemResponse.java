package com.eoc.accounts.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.HttpStatus;

/**
 * A refusal that this operation answers besides those every operation may ({@link OpenApiConventions}):
 * the status and the problem types it carries here, named as after {@code urn:eoc:problem:}. The
 * operation's description then allows exactly these types for that status.
 *
 * <pre>{@code @ProblemResponse(status = CONFLICT, types = {"email-taken", "concurrent-modification"})}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

    HttpStatus status();

    String[] types();

    /** The annotations of one operation. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {

        ProblemResponse[] value();
    }
}
