package org.partnershiptracker.command.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Loaded aggregates kept between commands, so that a command on a partnership or project reads no
 * events when it was loaded before. Axon's {@code WeakReferenceCache} lost them at every young
 * collection (every second or two under load), after which each command read the latest snapshot
 * and up to {@code tracker.snapshots.every-events} events again: 15% of the request threads' time
 * in a profile of the intake benchmark. Here entries stay until there are more than {@code
 * maxAggregates} (least recently used go first) or the heap runs short (values are soft
 * references). Axon ships no Caffeine adapter; its JCache one would need a JCache provider and its
 * configuration for the same thing.
 */
final class AggregateCache implements Cache {
  private final ConcurrentMap<Object, Object> entries;
  private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

  AggregateCache(long maxAggregates) {
    this.entries =
        Caffeine.newBuilder()
            .maximumSize(maxAggregates)
            .softValues()
            .removalListener(
                (Object key, Object value, RemovalCause cause) -> {
                  if (cause.wasEvicted()) {
                    listeners.forEach(listener -> listener.onEntryExpired(key));
                  }
                })
            .build()
            .asMap();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> V get(K key) {
    Object value = entries.get(key);
    if (value != null) {
      listeners.forEach(listener -> listener.onEntryRead(key, value));
    }
    return (V) value;
  }

  @Override
  public void put(Object key, Object value) {
    if (value == null) {
      remove(key);
      return;
    }
    Object before = entries.put(key, value);
    listeners.forEach(
        listener -> {
          if (before == null) {
            listener.onEntryCreated(key, value);
          } else {
            listener.onEntryUpdated(key, value);
          }
        });
  }

  @Override
  public boolean putIfAbsent(Object key, Object value) {
    boolean added = entries.putIfAbsent(key, value) == null;
    if (added) {
      listeners.forEach(listener -> listener.onEntryCreated(key, value));
    }
    return added;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
    return (T) entries.computeIfAbsent(key, absent -> valueSupplier.get());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
    entries.computeIfPresent(key, (present, value) -> update.apply((V) value));
  }

  @Override
  public boolean remove(Object key) {
    boolean removed = entries.remove(key) != null;
    if (removed) {
      listeners.forEach(listener -> listener.onEntryRemoved(key));
    }
    return removed;
  }

  @Override
  public void removeAll() {
    entries.keySet().forEach(this::remove);
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public Registration registerCacheEntryListener(EntryListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
