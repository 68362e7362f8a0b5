package org.partnershiptracker.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class AggregateCacheTest {

  @Test
  void keepsWhatWasPutUntilItIsRemoved() {
    AggregateCache cache = new AggregateCache(10);
    Object partnership = new Object();

    cache.put("demo-shire", partnership);

    assertThat(cache.<String, Object>get("demo-shire")).isSameAs(partnership);
    assertThat(cache.containsKey("demo-shire")).isTrue();
    assertThat(cache.remove("demo-shire")).isTrue();
    assertThat(cache.<String, Object>get("demo-shire")).isNull();
    assertThat(cache.remove("demo-shire")).isFalse();
  }

  @Test
  void putIfAbsentKeepsTheFirstAndComputeIfAbsentAsksOnce() {
    AggregateCache cache = new AggregateCache(10);

    assertThat(cache.putIfAbsent("p", "first")).isTrue();
    assertThat(cache.putIfAbsent("p", "second")).isFalse();
    assertThat(cache.<String, String>get("p")).isEqualTo("first");
    assertThat(cache.computeIfAbsent("q", () -> "computed")).isEqualTo("computed");
    assertThat(cache.computeIfAbsent("q", () -> "again")).isEqualTo("computed");
    cache.<String>computeIfPresent("q", value -> value + " and updated");
    assertThat(cache.<String, String>get("q")).isEqualTo("computed and updated");
  }

  @Test
  void tellsListenersWhatHappened() {
    AggregateCache cache = new AggregateCache(10);
    List<String> heard = new CopyOnWriteArrayList<>();
    var registration = cache.registerCacheEntryListener(new Heard(heard));

    cache.put("p", "v1");
    cache.put("p", "v2");
    cache.get("p");
    cache.remove("p");
    registration.cancel();
    cache.put("p", "v3");

    assertThat(heard).containsExactly("created p", "updated p", "read p", "removed p");
  }

  @Test
  void holdsAtMostItsBoundAndLetsTheRestGo() {
    AggregateCache cache = new AggregateCache(100);
    List<String> heard = new CopyOnWriteArrayList<>();
    cache.registerCacheEntryListener(new Heard(heard));

    for (int i = 0; i < 1_000; i++) {
      cache.put("partnership-" + i, new Object());
    }

    // Caffeine evicts on its maintenance cycle, shortly after the writes.
    await()
        .untilAsserted(
            () ->
                assertThat(
                        java.util.stream.IntStream.range(0, 1_000)
                            .filter(i -> cache.containsKey("partnership-" + i))
                            .count())
                    .isLessThanOrEqualTo(100));
    assertThat(heard.stream().filter(event -> event.startsWith("expired"))).hasSizeGreaterThan(0);
  }

  @Test
  void removeAllEmptiesIt() {
    AggregateCache cache = new AggregateCache(10);
    cache.put("p", "v");
    cache.put("q", "w");

    cache.removeAll();

    assertThat(cache.containsKey("p")).isFalse();
    assertThat(cache.containsKey("q")).isFalse();
  }

  private record Heard(List<String> heard) implements Cache.EntryListener {
    @Override
    public void onEntryExpired(Object key) {
      heard.add("expired " + key);
    }

    @Override
    public void onEntryRemoved(Object key) {
      heard.add("removed " + key);
    }

    @Override
    public void onEntryUpdated(Object key, Object value) {
      heard.add("updated " + key);
    }

    @Override
    public void onEntryCreated(Object key, Object value) {
      heard.add("created " + key);
    }

    @Override
    public void onEntryRead(Object key, Object value) {
      heard.add("read " + key);
    }

    @Override
    public Object clone() {
      return this;
    }
  }
}
