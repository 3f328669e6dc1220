package com.eoc.accounts.command.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the most recently used accounts in memory between commands, so that a command does not
 * read and replay the account's events first. Axon drops an account from the cache when a
 * command on it fails, so a cached account that another command-side process has changed in the
 * meantime costs that one command a conflict (the event table's unique key refuses the stale
 * append), never a lost update.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfig {

    @Bean
    Cache accountCache(@Value("${accounts.aggregate-cache.size}") int size) {
        return new LeastRecentlyUsed(size);
    }

    /** A bounded cache: Axon's own weak-reference cache would lose its entries at every collection. */
    static final class LeastRecentlyUsed implements Cache {

        private final Map<Object, Object> entries;

        LeastRecentlyUsed(int size) {
            this.entries = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                    return size() > size;
                }
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public synchronized <K, V> V get(K key) {
            return (V) entries.get(key);
        }

        @Override
        public synchronized void put(Object key, Object value) {
            entries.put(key, value);
        }

        @Override
        public synchronized boolean putIfAbsent(Object key, Object value) {
            return entries.putIfAbsent(key, value) == null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
            return (T) entries.computeIfAbsent(key, absent -> valueSupplier.get());
        }

        @Override
        @SuppressWarnings("unchecked")
        public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
            entries.computeIfPresent(key, (present, value) -> update.apply((V) value));
        }

        @Override
        public synchronized boolean remove(Object key) {
            return entries.remove(key) != null;
        }

        @Override
        public synchronized void removeAll() {
            entries.clear();
        }

        @Override
        public synchronized boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
            throw new UnsupportedOperationException("no listeners on the account cache");
        }
    }
}
