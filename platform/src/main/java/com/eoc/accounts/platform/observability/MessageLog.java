package com.eoc.accounts.platform.observability;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message log: a line as each command or event is handled and one as its handling ends, in
 * the request's trace and with its correlation id, for a look at what one request caused on both
 * sides. Off unless the level of {@value #LOGGER} is raised to INFO.
 *
 * <p>Axon's {@code LoggingInterceptor} writes the same lines but logs every failed handling at
 * WARN with its stack: a refused command (an unknown account, a stale version) is an answer to its
 * client, not a fault, and would become a warning at any client's will. Here its end is an INFO
 * line naming the refusal's class, never its message (which may hold what the client sent); real
 * faults are logged where they are answered.
 */
public final class MessageLog<T extends Message<?>> implements MessageHandlerInterceptor<T> {

    /** The logger's name: {@code LOGGING_LEVEL_COM_EOC_ACCOUNTS_MESSAGES=info} turns the log on. */
    public static final String LOGGER = "com.eoc.accounts.messages";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    public Object handle(UnitOfWork<? extends T> unitOfWork, InterceptorChain chain) throws Exception {
        if (!log.isInfoEnabled()) {
            return chain.proceed();
        }
        String name = unitOfWork.getMessage().getPayloadType().getSimpleName();
        log.info("Handling {}", name);
        try {
            Object result = chain.proceed();
            log.info("{} handled", name);
            return result;
        } catch (Exception e) {
            log.info("{} not handled: {}", name, e.getClass().getSimpleName());
            throw e;
        }
    }
}
