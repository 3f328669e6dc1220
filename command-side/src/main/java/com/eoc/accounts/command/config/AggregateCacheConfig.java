package com.eoc.accounts.command.config;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import java.util.OptionalLong;
import javax.cache.CacheManager;
import javax.cache.spi.CachingProvider;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the most recently used accounts in memory between commands, so that a command on an
 * account this node has seen lately does not read and replay its events first: Axon's
 * {@link JCacheAdapter} over Caffeine's JCache provider, bounded by
 * {@code accounts.aggregate-cache.size}. Another node's writes do not reach this cache; the
 * account repository checks each entry against the event store before a command uses it.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfig {

    static final String CACHE_NAME = "accounts";

    /**
     * Made here rather than found through {@code Caching.getCachingProvider()}, which would pick
     * whichever JCache provider the class path happens to hold.
     */
    @Bean(destroyMethod = "close")
    CacheManager accountCacheManager() {
        CachingProvider provider = new CaffeineCachingProvider();
        return provider.getCacheManager(provider.getDefaultURI(), AggregateCacheConfig.class.getClassLoader());
    }

    @Bean
    Cache accountCache(CacheManager accountCacheManager, @Value("${accounts.aggregate-cache.size}") long size) {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setMaximumSize(OptionalLong.of(size));
        // By reference: the entry holds the live aggregate, which is not serialisable, and a copy
        // at every command would cost what the cache saves.
        configuration.setStoreByValue(false);
        return new JCacheAdapter(accountCacheManager.createCache(CACHE_NAME, configuration));
    }
}
