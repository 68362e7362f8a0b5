package org.partnershiptracker.query.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.partnershiptracker.events.EventCatalogue;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.query.interaction.model.Granularity;
import org.partnershiptracker.query.interaction.model.InteractionFrequency;
import org.partnershiptracker.query.interaction.model.InteractionFrequencyCalculator;
import org.partnershiptracker.query.milestone.model.MilestoneCalculator;
import org.partnershiptracker.query.milestone.model.MilestoneReport;
import org.partnershiptracker.query.milestone.model.MilestoneStatus;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.partnership.model.Traced;
import org.partnershiptracker.query.trust.model.TrustBuildingCalculator;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile;
import org.springframework.stereotype.Component;

/**
 * The read models of one partnership, from its materialised documents: the head, the ledger's pages
 * and the activity of the months the question covers, each read by id. One fold of the structural
 * events per request serves every model of that request.
 */
@Component
public class PartnershipReadModels {
  private static final int LEDGER_CACHE = 2_000;
  private final ReadModelStore store;
  private final TrustBuildingCalculator trust;
  private final ObjectMapper json;

  /**
   * Decoded ledgers by generation and partnership, valid while the ledger holds as many entries (it
   * only grows).
   */
  private final Map<String, CachedLedger> ledgers = leastRecentlyUsed(LEDGER_CACHE);

  public PartnershipReadModels(
      ReadModelStore store, TrustBuildingCalculator trust, ObjectMapper json) {
    this.store = store;
    this.trust = trust;
    this.json = json;
  }

  private record CachedLedger(int entries, List<Traced<PartnershipEvent>> events) {}

  /** A thread-safe cache that forgets its least recently used entry beyond {@code capacity}. */
  private static <V> Map<String, V> leastRecentlyUsed(int capacity) {
    return java.util.Collections.synchronizedMap(
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > capacity;
          }
        });
  }

  /**
   * Structures folded as of a day, by generation, partnership, ledger size and day: dashboards ask
   * for the same days.
   */
  private final Map<String, PartnershipFacts> structures = leastRecentlyUsed(LEDGER_CACHE);

  private final ActivityCache activityCache = new ActivityCache(200_000);

  /**
   * Default-window profiles by generation, partnership, head version and day: a trend's past months
   * change only when the partnership receives events.
   */
  private final Map<String, TrustBuildingProfile> profiles = leastRecentlyUsed(PROFILE_CACHE);

  private static final int PROFILE_CACHE = 10_000;

  /**
   * A partnership as of a day, with its activity readable from {@code from} to {@code asOf}; empty
   * if unknown.
   */
  public Optional<PartnershipFacts> facts(String partnershipId, LocalDate from, LocalDate asOf) {
    return facts(store.activeGeneration(), partnershipId, from, asOf);
  }

  Optional<PartnershipFacts> facts(
      int generation, String partnershipId, LocalDate from, LocalDate asOf) {
    return store
        .head(generation, partnershipId)
        .filter(h -> h.eventCount > 0)
        .map(h -> facts(generation, h, from, asOf));
  }

  PartnershipFacts facts(int generation, PartnershipHead head, LocalDate from, LocalDate asOf) {
    StoredActivity activity =
        StoredActivity.load(store, generation, head, from, asOf, activityCache);
    String key = generation + "|" + head.partnershipId + "|" + head.ledgerEntries + "|" + asOf;
    PartnershipFacts structure = structures.get(key);
    if (structure == null) {
      structure =
          PartnershipFacts.fold(head.partnershipId, structural(generation, head), asOf, activity);
      structures.put(key, structure);
      return structure;
    }
    return structure.withActivity(activity);
  }

  /** The organisations that are or were partners of the partnership; empty if it is unknown. */
  public Set<String> partnersEver(String partnershipId) {
    int generation = store.activeGeneration();
    return store
        .head(generation, partnershipId)
        .filter(h -> h.eventCount > 0)
        .map(h -> partnersEver(generation, h))
        .orElse(Set.of());
  }

  Set<String> partnersEver(int generation, PartnershipHead head) {
    if (head.members != null) {
      return head.members;
    }
    // A head stored before members were kept: the ledger has every PartnerJoined.
    Set<String> members = new java.util.TreeSet<>();
    for (Traced<PartnershipEvent> traced : structural(generation, head)) {
      if (traced.event()
          instanceof org.partnershiptracker.events.partnership.PartnerJoined joined) {
        members.add(joined.organisationId().value());
      }
    }
    return members;
  }

  public Optional<TrustBuildingProfile> trust(
      String partnershipId, LocalDate asOf, Integer windowDays) {
    return facts(partnershipId, trust.windowStart(asOf, windowDays), asOf)
        .map(f -> trust.calculate(f, asOf, windowDays));
  }

  /**
   * Default-window profiles of a partnership as of each of {@code days}, in order, their figures
   * without the events behind each score ({@link TrustBuildingProfile#withoutEvents}); empty if the
   * partnership is unknown.
   */
  public Optional<List<TrustBuildingProfile>> trustOver(
      String partnershipId, List<LocalDate> days) {
    int generation = store.activeGeneration();
    return store
        .head(generation, partnershipId)
        .filter(h -> h.eventCount > 0)
        .map(h -> trustOver(generation, h, days));
  }

  List<TrustBuildingProfile> trustOver(int generation, PartnershipHead head, List<LocalDate> days) {
    List<TrustBuildingProfile> over = new ArrayList<>(days.size());
    for (LocalDate day : days) {
      String key = generation + "|" + head.partnershipId + "|" + head.version + "|" + day;
      TrustBuildingProfile profile = profiles.get(key);
      if (profile == null) {
        // Figures only: a trend kept for many days and partnerships holds no event lists.
        profile =
            trust
                .calculate(facts(generation, head, trust.windowStart(day, null), day), day, null)
                .withoutEvents();
        profiles.put(key, profile);
      }
      over.add(profile);
    }
    return over;
  }

  public Optional<InteractionFrequency> interactions(
      String partnershipId, LocalDate from, LocalDate to, Granularity granularity) {
    return facts(partnershipId, from, to)
        .map(f -> InteractionFrequencyCalculator.calculate(f, from, to, granularity));
  }

  public Optional<MilestoneReport> milestones(
      String partnershipId, LocalDate asOf, MilestoneStatus status) {
    return facts(partnershipId, asOf, asOf)
        .map(f -> MilestoneCalculator.calculate(f, asOf, status));
  }

  /** A partnership as of a day, with its activity readable over the report's default window. */
  public Optional<PartnershipFacts> reportFacts(String partnershipId, LocalDate asOf) {
    return facts(partnershipId, trust.windowStart(asOf, null), asOf);
  }

  private List<Traced<PartnershipEvent>> structural(int generation, PartnershipHead head) {
    String key = generation + "|" + head.partnershipId;
    CachedLedger cached = ledgers.get(key);
    if (cached != null && cached.entries() == head.ledgerEntries) {
      return cached.events();
    }
    List<Traced<PartnershipEvent>> events = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int pages = (head.ledgerEntries + ReadModelStore.LEDGER_PAGE - 1) / ReadModelStore.LEDGER_PAGE;
    for (int page = 0; page < pages; page++) {
      Document doc =
          ReadModelStore.byId(
              store.ledger(generation), ReadModelStore.pageId(head.partnershipId, page));
      if (doc == null) {
        continue;
      }
      for (Document entry : doc.getList("events", Document.class, List.of())) {
        if (seen.add(entry.getString(ActivityCodec.EVENT_ID))) {
          events.add(ActivityCodec.traced(entry, decode(entry)));
        }
      }
    }
    List<Traced<PartnershipEvent>> immutable = List.copyOf(events);
    ledgers.put(key, new CachedLedger(head.ledgerEntries, immutable));
    return immutable;
  }

  private PartnershipEvent decode(Document entry) {
    Class<? extends PartnershipEvent> type =
        EventCatalogue.bySimpleName(entry.getString("t"))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the ledger holds an unknown event type " + entry.getString("t")));
    try {
      return json.readValue(entry.getString("j"), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
