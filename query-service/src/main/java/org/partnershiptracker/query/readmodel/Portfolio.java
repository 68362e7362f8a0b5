package org.partnershiptracker.query.readmodel;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.partnershiptracker.events.access.Caller;
import org.partnershiptracker.query.milestone.model.MilestoneCalculator;
import org.partnershiptracker.query.milestone.model.MilestoneStatus;
import org.partnershiptracker.query.partnership.model.MeetingKeys;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.trust.model.TrustBuildingCalculator;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile;
import org.partnershiptracker.query.trust.model.TrustFigures;
import org.partnershiptracker.query.trust.model.TrustTrend;
import org.springframework.stereotype.Component;

/**
 * A row per partnership with today's figures (trust index and band, days since the last
 * interaction, overdue milestones), so the list and the gauges read rows instead of folding every
 * partnership. Rows of partnerships that received events are refreshed in the background ({@link
 * #refreshChanged}); a row computed on an earlier day or from an older version of its partnership
 * (its head's version), or missing, is computed when read, so the list is never stale.
 */
@Component
public class Portfolio {
  private final ReadModelStore store;
  private final PartnershipReadModels readModels;
  private final TrustBuildingCalculator trust;
  private final Clock clock;

  /** Partnerships whose rows are older than their events, per generation. */
  private final Map<Integer, Set<String>> changed = new ConcurrentHashMap<>();

  public Portfolio(
      ReadModelStore store,
      PartnershipReadModels readModels,
      TrustBuildingCalculator trust,
      Clock clock) {
    this.store = store;
    this.readModels = readModels;
    this.trust = trust;
    this.clock = clock;
  }

  /** Months of the trend a row stores: today and the same day of the 11 months before. */
  public static final int TREND_MONTHS = 12;

  /**
   * One partnership's row of the list; {@code trend} is the index as of the same day of each of the
   * last {@value #TREND_MONTHS} months, oldest first, null before formation or without evidence.
   */
  public record Row(
      String partnershipId,
      String name,
      LocalDate formedOn,
      long eventCount,
      Double trustIndex,
      TrustBuildingProfile.Band band,
      Long daysSinceLastInteraction,
      int overdueMilestones,
      int openRecommendations,
      List<PartnerRow> partners,
      LocalDate asOf,
      List<Double> trend,
      @com.fasterxml.jackson.annotation.JsonIgnore Set<String> members) {
    /**
     * Whether the caller may see this row: an admin, or an organisation that is or was a partner.
     */
    public boolean visibleTo(Caller caller) {
      return caller.isAdmin()
          || (caller.organisationId() != null && members.contains(caller.organisationId()));
    }
  }

  /** A current partner as the portfolio lists it. */
  public record PartnerRow(String organisationId, String name, String sector) {}

  public void markChanged(int generation, Collection<String> partnershipIds) {
    if (!partnershipIds.isEmpty()) {
      changed
          .computeIfAbsent(generation, g -> ConcurrentHashMap.newKeySet())
          .addAll(partnershipIds);
    }
  }

  public int pendingRows(int generation) {
    return changed.getOrDefault(generation, Set.of()).size();
  }

  /** Recomputes the rows of partnerships that changed in a generation; returns how many. */
  public int refreshChanged(int generation) {
    Set<String> pending = changed.getOrDefault(generation, Set.of());
    LocalDate today = LocalDate.now(clock);
    int refreshed = 0;
    for (String partnershipId : List.copyOf(pending)) {
      pending.remove(partnershipId); // before: events that arrive meanwhile mark it again
      try {
        compute(generation, partnershipId, today);
      } catch (RuntimeException e) {
        pending.add(partnershipId);
        throw e;
      }
      refreshed++;
    }
    return refreshed;
  }

  /**
   * Recomputes every row of a generation (a rebuild does before it switches), on a thread per
   * processor: the rows are independent, and each is a dozen folds (today's and its trend's eleven
   * earlier months, three quarters of the time, profiled), so a rebuild waited ~0.1 s per
   * partnership on one thread. Returns once every row is stored; a row that fails fails it.
   */
  public void refreshAll(int generation) {
    LocalDate today = LocalDate.now(clock);
    List<String> partnershipIds = store.partnershipIds(generation);
    int threads =
        Math.max(1, Math.min(REFRESH_THREADS, Math.min(partnershipIds.size(), PROCESSORS)));
    if (threads == 1) {
      partnershipIds.forEach(partnershipId -> compute(generation, partnershipId, today));
    } else {
      AtomicInteger started = new AtomicInteger();
      ExecutorService pool =
          Executors.newFixedThreadPool(
              threads,
              task -> {
                Thread thread = new Thread(task, "portfolio-refresh-" + started.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      try {
        List<Future<?>> rows = new ArrayList<>(partnershipIds.size());
        for (String partnershipId : partnershipIds) {
          rows.add(pool.submit(() -> compute(generation, partnershipId, today)));
        }
        for (Future<?> row : rows) {
          row.get();
        }
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException failed
            ? failed
            : new IllegalStateException("a portfolio row could not be computed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while computing the portfolio rows", e);
      } finally {
        pool.shutdownNow();
      }
    }
    changed.remove(generation);
  }

  private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

  /** At most this many threads compute rows: the store serves them too. */
  private static final int REFRESH_THREADS = 8;

  /** The partnerships {@code caller} may see, with today's figures. */
  public List<Row> rows(Caller caller) {
    List<Row> rows = rows();
    return caller.isAdmin() ? rows : rows.stream().filter(row -> row.visibleTo(caller)).toList();
  }

  /**
   * Every partnership of the generation queries read, with today's figures. The rows last read are
   * kept in memory with what they were read at (generation, day, this instance's writes, the stored
   * positions of the generation, which every batch of events moves after its heads were written, on
   * any instance): while none of these moved, no row can be stale, and they are answered without
   * reading a document. Otherwise the stored rows are read and the stale ones computed, as always.
   */
  public List<Row> rows() {
    int generation = store.activeGeneration();
    LocalDate today = LocalDate.now(clock);
    // What the rows are read at, taken before they are read: a write after it moves it.
    long writes = store.writes();
    Map<Integer, Long> positions = store.nextOffsets(generation);
    Snapshot last = snapshot;
    if (last != null
        && last.generation == generation
        && last.day.equals(today)
        && last.writes == writes
        && last.positions.equals(positions)) {
      return last.rows;
    }
    List<Row> rows = read(generation, today);
    snapshot = new Snapshot(generation, today, writes, positions, rows);
    return rows;
  }

  /** The rows as last read, and what they were read at. */
  private record Snapshot(
      int generation, LocalDate day, long writes, Map<Integer, Long> positions, List<Row> rows) {}

  private volatile Snapshot snapshot;

  private List<Row> read(int generation, LocalDate today) {
    Map<String, Document> stored = new HashMap<>();
    store.portfolio(generation).find().forEach(doc -> stored.put(doc.getString("_id"), doc));
    List<Row> rows = new ArrayList<>();
    Map<String, Long> versions = store.headVersions(generation);
    for (String partnershipId : versions.keySet().stream().sorted().toList()) {
      Document row = stored.get(partnershipId);
      if (row == null
          || !today.toString().equals(row.getString("asOf"))
          || !versions.get(partnershipId).equals(row.getLong("v"))
          || !row.containsKey("members") // a row stored before partners were listed
          || !row.containsKey("trend")) { // or before trends were
        row = compute(generation, partnershipId, today);
      }
      if (row != null) {
        rows.add(row(row));
      }
    }
    return List.copyOf(rows);
  }

  private Document compute(int generation, String partnershipId, LocalDate today) {
    PartnershipHead head =
        store.head(generation, partnershipId).filter(h -> h.eventCount > 0).orElse(null);
    if (head == null) {
      return null;
    }
    PartnershipFacts facts =
        readModels.facts(generation, head, trust.windowStart(today, null), today);
    TrustBuildingProfile profile = trust.calculate(facts, today, null);
    LocalDate last = facts.activity().lastDay(MeetingKeys.ANY, today).orElse(null);
    int overdue =
        MilestoneCalculator.calculate(facts, today, null).totals().get(MilestoneStatus.OVERDUE);
    Document row =
        new Document("_id", partnershipId)
            .append("v", head.version)
            .append("name", head.name)
            .append("formedOn", head.formedOn)
            .append("eventCount", head.eventCount)
            .append("trustIndex", profile.index())
            .append("band", profile.band() == null ? null : profile.band().name())
            .append(
                "daysSinceLastInteraction",
                last == null ? null : ChronoUnit.DAYS.between(last, today))
            .append("overdueMilestones", overdue)
            .append("openRecommendations", profile.recommendations().size())
            .append(
                "partners",
                facts.partners().values().stream()
                    .map(
                        p ->
                            new Document("id", p.organisationId())
                                .append("name", p.name())
                                .append("sector", p.sector().name()))
                    .toList())
            .append("members", List.copyOf(readModels.partnersEver(generation, head)))
            .append("trend", trend(generation, head, today, profile))
            .append("asOf", today.toString());
    store
        .portfolio(generation)
        .replaceOne(Filters.eq("_id", partnershipId), row, new ReplaceOptions().upsert(true));
    store.wrote(); // the rows in memory are read again
    return row;
  }

  /**
   * The index as of the same day of each of the last months, today's from the profile just
   * computed; months before formation are null without a fold.
   */
  private List<Double> trend(
      int generation, PartnershipHead head, LocalDate today, TrustBuildingProfile todays) {
    LocalDate formedOn = head.formedOn == null ? null : LocalDate.parse(head.formedOn);
    List<LocalDate> months = TrustTrend.monthlyDays(null, today, TREND_MONTHS);
    List<LocalDate> earlier =
        months.stream()
            .filter(day -> day.isBefore(today))
            .filter(day -> formedOn == null || !day.isBefore(formedOn))
            .toList();
    Map<LocalDate, Double> index = new HashMap<>();
    List<TrustFigures> figures = readModels.trustOver(generation, head, earlier);
    for (int i = 0; i < earlier.size(); i++) {
      index.put(earlier.get(i), figures.get(i).index());
    }
    if (formedOn == null || !today.isBefore(formedOn)) {
      index.put(today, todays.index());
    }
    List<Double> trend = new ArrayList<>();
    months.forEach(day -> trend.add(index.get(day)));
    return trend;
  }

  private static Row row(Document doc) {
    String formedOn = doc.getString("formedOn");
    String band = doc.getString("band");
    Number days = (Number) doc.get("daysSinceLastInteraction");
    Number index = (Number) doc.get("trustIndex");
    return new Row(
        doc.getString("_id"),
        doc.getString("name"),
        formedOn == null ? null : LocalDate.parse(formedOn),
        ((Number) doc.get("eventCount")).longValue(),
        index == null ? null : index.doubleValue(),
        band == null ? null : TrustBuildingProfile.Band.valueOf(band),
        days == null ? null : days.longValue(),
        ((Number) doc.get("overdueMilestones")).intValue(),
        ((Number) doc.get("openRecommendations", 0)).intValue(),
        doc.getList("partners", Document.class, List.of()).stream()
            .map(p -> new PartnerRow(p.getString("id"), p.getString("name"), p.getString("sector")))
            .toList(),
        LocalDate.parse(doc.getString("asOf")),
        doc.getList("trend", Number.class, List.of()).stream()
            .map(n -> n == null ? null : n.doubleValue())
            .toList(),
        Set.copyOf(doc.getList("members", String.class, List.of())));
  }
}
