package com.eoc.accounts.query.expirywarnings;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link TokenExpiryWarningRefresh} on Spring's scheduler (Boot's task scheduler, one thread by default). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExpiryWarningsScheduling {
}
