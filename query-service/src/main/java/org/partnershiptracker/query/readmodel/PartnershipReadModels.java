package org.partnershiptracker.query.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import org.partnershiptracker.query.trust.model.TrustFigures;
import org.springframework.stereotype.Component;

/**
 * The read models of one partnership, from its materialised documents: the head, the ledger's pages
 * and the activity of the months the question covers, each read by id. One fold of the structural
 * events per request serves every model of that request.
 */
@Component
public class PartnershipReadModels {
  private final ReadModelStore store;
  private final TrustBuildingCalculator trust;
  private final ObjectMapper json;

  /**
   * Decoded ledgers by generation and partnership, valid while the ledger holds as many entries (it
   * only grows).
   */
  private final Cache<String, CachedLedger> ledgers =
      ReadCaches.weighed(ReadCaches.LEDGER_EVENTS, (key, ledger) -> ledger.events().size());

  public PartnershipReadModels(
      ReadModelStore store, TrustBuildingCalculator trust, ObjectMapper json) {
    this.store = store;
    this.trust = trust;
    this.json = json;
  }

  private record CachedLedger(int entries, List<Traced<PartnershipEvent>> events) {}

  /**
   * Structures folded as of a day, by generation, partnership, ledger size and day: dashboards ask
   * for the same days.
   */
  private final Cache<String, Folded> structures =
      ReadCaches.weighed(ReadCaches.STRUCTURE_EVENTS, (key, folded) -> folded.ledgerEntries());

  /** A structure folded from a ledger of so many entries: its weight in the cache. */
  private record Folded(int ledgerEntries, PartnershipFacts facts) {}

  private final ActivityCache activityCache = new ActivityCache(ReadCaches.ACTIVITY_EVENTS);

  /**
   * Default-window figures by generation, partnership, day and the version that last brought an
   * event dated on or before it: a trend's past months change only when such an event arrives.
   */
  private final Cache<String, TrustFigures> figures =
      ReadCaches.weighed(ReadCaches.TREND_FIGURES, (key, figured) -> 1);

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
    return facts(generation, head, from, asOf, new HashMap<>());
  }

  /** With the yearly index documents shared by the folds of one head ({@link StoredActivity}). */
  private PartnershipFacts facts(
      int generation,
      PartnershipHead head,
      LocalDate from,
      LocalDate asOf,
      Map<Integer, Document> indexByYear) {
    StoredActivity activity =
        StoredActivity.load(store, generation, head, from, asOf, activityCache, indexByYear);
    String key = generation + "|" + head.partnershipId + "|" + head.ledgerEntries + "|" + asOf;
    Folded folded = structures.getIfPresent(key);
    if (folded == null) {
      PartnershipFacts structure =
          PartnershipFacts.fold(head.partnershipId, structural(generation, head), asOf, activity);
      structures.put(key, new Folded(head.ledgerEntries, structure));
      return structure;
    }
    return folded.facts().withActivity(activity);
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
   * The default-window figures of a partnership as of each of {@code days}, in order; empty if the
   * partnership is unknown.
   */
  public Optional<List<TrustFigures>> trustOver(String partnershipId, List<LocalDate> days) {
    int generation = store.activeGeneration();
    return store
        .head(generation, partnershipId)
        .filter(h -> h.eventCount > 0)
        .map(h -> trustOver(generation, h, days));
  }

  List<TrustFigures> trustOver(int generation, PartnershipHead head, List<LocalDate> days) {
    List<TrustFigures> over = new ArrayList<>(days.size());
    // The days' folds read each year's index once (a trend read it once per day: a fifth of a
    // portfolio row's refresh, profiled).
    Map<Integer, Document> indexByYear = new HashMap<>();
    for (LocalDate day : days) {
      String key = generation + "|" + head.partnershipId + "|" + day + "|" + head.versionUpTo(day);
      TrustFigures figured = figures.getIfPresent(key);
      if (figured == null) {
        figured =
            TrustFigures.of(
                trust.calculate(
                    facts(generation, head, trust.windowStart(day, null), day, indexByYear),
                    day,
                    null));
        figures.put(key, figured);
      }
      over.add(figured);
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
    CachedLedger cached = ledgers.getIfPresent(key);
    if (cached != null && cached.entries() == head.ledgerEntries) {
      return cached.events();
    }
    List<Traced<PartnershipEvent>> events = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> ids = ReadModelStore.pageIds(head.partnershipId, head.ledgerEntries);
    for (Document doc : ReadModelStore.byIds(store.ledger(generation), ids)) {
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
