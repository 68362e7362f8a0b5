package org.partnershiptracker.query.readmodel;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.List;
import java.util.function.Supplier;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.events.partnership.PulseSurveyAnswered;
import org.partnershiptracker.query.partnership.model.Traced;

/**
 * Months of activity already read and decoded. A month's buckets only grow, and the head counts
 * their entries, so a month read when the head said N entries is still right while it says N: no
 * stale answer, whichever instance wrote since. Bounded by the entries it holds.
 */
final class ActivityCache {
  record Month(List<Traced<MeetingHeld>> meetings, List<Traced<PulseSurveyAnswered>> surveys) {
    int size() {
      return meetings.size() + surveys.size();
    }
  }

  private record Cached(int entries, Month month) {}

  private final Cache<String, Cached> months;

  ActivityCache(long maxEntries) {
    months = ReadCaches.weighed(maxEntries, (key, cached) -> cached.month().size());
  }

  Month get(int generation, String partnershipId, int month, int entries, Supplier<Month> read) {
    String key = generation + "|" + partnershipId + "|" + month;
    Cached cached = months.getIfPresent(key);
    if (cached != null && cached.entries() == entries) {
      return cached.month();
    }
    Month fresh = read.get();
    months.put(key, new Cached(entries, fresh));
    return fresh;
  }
}
