package org.partnershiptracker.command.partnership.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.partnershiptracker.command.partnership.imports.MeetingCsv.Row;
import org.partnershiptracker.command.rules.Rule;
import org.partnershiptracker.command.web.CommandPath;
import org.partnershiptracker.command.web.Problems;
import org.partnershiptracker.events.access.Caller;
import org.partnershiptracker.events.value.PartnershipId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records the rows of a valid meeting import, each through the {@link CommandPath} for the caller
 * who sent the file (authorization, who recorded it, metrics): while the request waits, or as an
 * import job on a background thread. A row whose meeting id is already recorded is {@code
 * unchanged}; the first row refused otherwise stops the import, and the rows before it stay
 * recorded. Jobs are kept in memory only.
 */
@Component
class MeetingImports {
  private static final Logger log = LoggerFactory.getLogger(MeetingImports.class);

  private final CommandPath path;
  private final MeterRegistry metrics;
  private final ImportProperties properties;
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private final AtomicInteger threads = new AtomicInteger();
  private final ExecutorService runner =
      Executors.newFixedThreadPool(
          2,
          task -> {
            Thread thread = new Thread(task, "meeting-import-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  MeetingImports(CommandPath path, MeterRegistry metrics, ImportProperties properties) {
    this.path = path;
    this.metrics = metrics;
    this.properties = properties;
  }

  /** What a finished import recorded. */
  record Result(int imported, int unchanged, List<String> meetingIds) {}

  /** The row that stopped an import, why, and what was recorded before it. */
  static final class Stopped extends RuntimeException {
    private final long row;
    private final transient Result before;

    Stopped(long row, RuntimeException cause, Result before) {
      super("row " + row + ": " + cause.getMessage(), cause);
      this.row = row;
      this.before = before;
    }

    long row() {
      return row;
    }

    Result before() {
      return before;
    }

    RuntimeException failure() {
      return (RuntimeException) getCause();
    }
  }

  /** Records every row now; throws {@link Stopped} at the first row refused. */
  Result runNow(Caller caller, PartnershipId partnership, List<Row> rows) {
    List<String> ids = new ArrayList<>();
    int imported = 0;
    int unchanged = 0;
    for (Row row : rows) {
      try {
        if (record(caller, partnership, row)) {
          imported++;
        } else {
          unchanged++;
        }
        ids.add(row.meeting().meetingId().value());
      } catch (RuntimeException e) {
        throw new Stopped(row.row(), e, new Result(imported, unchanged, ids));
      }
    }
    return new Result(imported, unchanged, ids);
  }

  /** Starts an import job for the rows; its progress is read with {@link #job}. */
  Job start(Caller caller, PartnershipId partnership, List<Row> rows) {
    Job job = new Job("import-" + UUID.randomUUID(), partnership, rows.size());
    synchronized (jobs) {
      jobs.put(job.importId, job);
      forgetOldJobs();
    }
    runner.execute(() -> run(job, caller, rows));
    return job;
  }

  Optional<Job> job(PartnershipId partnership, String importId) {
    synchronized (jobs) {
      return Optional.ofNullable(jobs.get(importId))
          .filter(job -> job.partnership.equals(partnership));
    }
  }

  private void forgetOldJobs() {
    int finished = (int) jobs.values().stream().filter(job -> job.state != State.RUNNING).count();
    Iterator<Job> oldestFirst = jobs.values().iterator();
    while (finished > properties.jobsKept() && oldestFirst.hasNext()) {
      if (oldestFirst.next().state != State.RUNNING) {
        oldestFirst.remove();
        finished--;
      }
    }
  }

  private void run(Job job, Caller caller, List<Row> rows) {
    for (Row row : rows) {
      try {
        if (record(caller, job.partnership, row)) {
          job.imported.incrementAndGet();
        } else {
          job.unchanged.incrementAndGet();
        }
        job.done.incrementAndGet();
      } catch (RuntimeException e) {
        job.failedRow = row.row();
        job.rule = ruleOf(e);
        job.reason = reasonOf(e);
        job.finish(State.FAILED);
        log.warn("meeting import {} stopped at row {}: {}", job.importId, row.row(), job.reason);
        return;
      }
    }
    job.finish(State.COMPLETED);
    log.info(
        "meeting import {} completed: {} imported, {} unchanged",
        job.importId,
        job.imported.get(),
        job.unchanged.get());
  }

  /** The code of the rule that refused a command, if a rule did. */
  static String ruleOf(RuntimeException e) {
    return Problems.outcomeOf(e)
        .map(o -> o.problem().getProperties())
        .map(properties -> properties.get("rule"))
        .map(String::valueOf)
        .orElse(null);
  }

  private static String reasonOf(RuntimeException e) {
    return Problems.outcomeOf(e)
        .map(o -> o.reason() + ": " + o.problem().getDetail())
        .orElse("error: " + e);
  }

  /** Sends one row's command: true if recorded, false if its meeting id was recorded before. */
  private boolean record(Caller caller, PartnershipId partnership, Row row) {
    try {
      path.send(caller, row.meeting().toCommand(partnership, row.meeting().meetingId()));
      count("imported");
      return true;
    } catch (RuntimeException e) {
      if (Rule.ID_ALREADY_USED.code().equals(CommandPath.reason(e))) {
        count("unchanged");
        return false;
      }
      count("failed");
      throw e;
    }
  }

  void countInvalid(int rows) {
    Counter.builder("tracker.imports.rows")
        .description("Rows of CSV imports, by outcome")
        .tag("outcome", "invalid")
        .register(metrics)
        .increment(rows);
  }

  private void count(String outcome) {
    Counter.builder("tracker.imports.rows")
        .description("Rows of CSV imports, by outcome")
        .tag("outcome", outcome)
        .register(metrics)
        .increment();
  }

  @PreDestroy
  void stop() {
    runner.shutdownNow();
  }

  enum State {
    RUNNING,
    COMPLETED,
    FAILED
  }

  /** An import job's progress record, in memory. */
  static final class Job {
    final String importId;
    final PartnershipId partnership;
    final int rows;
    final Instant startedAt = Instant.now();
    final AtomicInteger done = new AtomicInteger();
    final AtomicInteger imported = new AtomicInteger();
    final AtomicInteger unchanged = new AtomicInteger();
    volatile State state = State.RUNNING;
    volatile Long failedRow;
    volatile String rule;
    volatile String reason;
    volatile Instant finishedAt;

    Job(String importId, PartnershipId partnership, int rows) {
      this.importId = importId;
      this.partnership = partnership;
      this.rows = rows;
    }

    void finish(State end) {
      finishedAt = Instant.now();
      state = end;
    }

    View view() {
      return new View(
          importId,
          partnership.value(),
          state,
          rows,
          done.get(),
          imported.get(),
          unchanged.get(),
          failedRow,
          rule,
          reason,
          startedAt,
          finishedAt);
    }
  }

  /** What {@code GET …/imports/{importId}} answers. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record View(
      String importId,
      String partnershipId,
      State state,
      int rows,
      int done,
      int imported,
      int unchanged,
      Long failedRow,
      String rule,
      String reason,
      Instant startedAt,
      Instant finishedAt) {}
}
