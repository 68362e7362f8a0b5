package org.partnershiptracker.query.readmodel;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  private final int maxEntries;
  private final LinkedHashMap<String, Cached> months = new LinkedHashMap<>(256, 0.75f, true);
  private int held;

  ActivityCache(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  Month get(int generation, String partnershipId, int month, int entries, Supplier<Month> read) {
    String key = generation + "|" + partnershipId + "|" + month;
    synchronized (this) {
      Cached cached = months.get(key);
      if (cached != null && cached.entries() == entries) {
        return cached.month();
      }
    }
    Month fresh = read.get();
    synchronized (this) {
      Cached previous = months.put(key, new Cached(entries, fresh));
      held += fresh.size() - (previous == null ? 0 : previous.month().size());
      for (Iterator<Map.Entry<String, Cached>> eldest = months.entrySet().iterator();
          held > maxEntries && eldest.hasNext(); ) {
        held -= eldest.next().getValue().month().size();
        eldest.remove();
      }
    }
    return fresh;
  }
}
