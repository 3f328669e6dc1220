package com.eoc.accounts.platform.personaldata;

import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal fields of events encrypted at rest: Axon's event serializer (the bean
 * {@value #EVENT_SERIALIZER}, as configured) wrapped in {@link PersonalDataSerializer}, with the
 * accounts' data keys ({@link DataKeys}).
 */
@Configuration(proxyBeanMethods = false)
public class PersonalDataConfig {

    static final String EVENT_SERIALIZER = "eventSerializer";

    @Bean
    DataKeys dataKeys(JdbcClient jdbc) {
        return new DataKeys(jdbc);
    }

    /** Static, as a post-processor must be; the keys are looked up when the first event needs them. */
    @Bean
    static BeanPostProcessor personalDataInEvents(ObjectProvider<DataKeys> keys) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!EVENT_SERIALIZER.equals(name) || bean instanceof PersonalDataSerializer) {
                    return bean;
                }
                if (!(bean instanceof Jackson3Serializer events)) {
                    // personal data would otherwise be stored in clear, silently
                    throw new IllegalStateException("the event serializer must be Axon's Jackson 3 serializer"
                            + " (axon.serializer.events: jackson3), not " + bean.getClass().getName());
                }
                return new PersonalDataSerializer(events, keys::getObject);
            }
        };
    }
}
