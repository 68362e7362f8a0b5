package org.partnershiptracker.command.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.command.CommandServiceApplication;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.AddPartner;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.FormPartnership;
import org.partnershiptracker.command.partnership.model.PartnershipCommands.RecordMeeting;
import org.partnershiptracker.events.value.Attendance;
import org.partnershiptracker.events.value.AttendeeLevel;
import org.partnershiptracker.events.value.MeetingId;
import org.partnershiptracker.events.value.MeetingType;
import org.partnershiptracker.events.value.OrganisationId;
import org.partnershiptracker.events.value.PartnershipId;
import org.partnershiptracker.events.value.Sector;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long a command takes on a partnership with 10,000 recorded meetings when the aggregate is (a)
 * in the cache, (b) loaded from its latest snapshot plus the events after it, (c) replayed from all
 * its events. Not part of the test suite (the name ends in neither Test nor IT); run:
 *
 * <pre>
 * ./mvnw -B -pl command-service -am test -Dtest=AggregateLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * It writes its figures to docs/benchmarks/aggregate-load.md.
 */
class AggregateLoadBenchmark {
  private static final int MEETINGS = 10_000;
  private static final int SAMPLES = 15;
  private static final OrganisationId COUNCIL = OrganisationId.of("north-council");
  private static final OrganisationId UNIVERSITY = OrganisationId.of("uni");

  @Test
  void commandLatencyOnAPartnershipWithTenThousandMeetings() throws IOException {
    Path dataDir = Path.of("target/benchmark-data/" + UUID.randomUUID());
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(CommandServiceApplication.class)
            .run(
                "--server.port=0",
                "--tracker.embedded-postgres.data-dir=" + dataDir,
                "--logging.level.root=WARN",
                "--tracker.publication.enabled=false")) {
      CommandGateway commands = app.getBean(CommandGateway.class);
      Cache cache = app.getBean("aggregateCache", Cache.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      PartnershipId partnership = PartnershipId.of("benchmark");
      LocalDate formed = LocalDate.of(2020, 1, 1);

      commands.sendAndWait(new FormPartnership(partnership, "Benchmark", null, formed));
      commands.sendAndWait(
          new AddPartner(partnership, COUNCIL, "North", Sector.LOCAL_AUTHORITY, formed));
      commands.sendAndWait(
          new AddPartner(partnership, UNIVERSITY, "Uni", Sector.UNIVERSITY, formed));
      long recordStart = System.nanoTime();
      for (int i = 0; i < MEETINGS; i++) {
        commands.sendAndWait(meeting(partnership, "m-" + i, formed.plusDays(i % 2000)));
      }
      double recordSeconds = (System.nanoTime() - recordStart) / 1e9;

      int next = MEETINGS;
      List<Double> cached = new ArrayList<>();
      List<Double> fromSnapshot = new ArrayList<>();
      List<Double> fullReplay = new ArrayList<>();
      for (int i = 0; i < SAMPLES; i++) {
        cached.add(timeMillis(() -> {}, commands, meeting(partnership, "m-" + next++, formed)));
        fromSnapshot.add(
            timeMillis(cache::removeAll, commands, meeting(partnership, "m-" + next++, formed)));
      }
      long snapshots = jdbc.queryForObject("SELECT count(*) FROM SnapshotEventEntry", Long.class);
      jdbc.update("DELETE FROM SnapshotEventEntry");
      // Each sample adds an event; with no snapshot row the aggregate is replayed from event 0.
      for (int i = 0; i < 3; i++) {
        fullReplay.add(
            timeMillis(cache::removeAll, commands, meeting(partnership, "m-" + next++, formed)));
        jdbc.update("DELETE FROM SnapshotEventEntry");
      }

      String report =
          """
          # Benchmark: loading a partnership with %,d meetings

          Command latency (one `RecordMeeting`, through Axon's command gateway, in process, with the
          embedded PostgreSQL) on a partnership holding %,d `MeetingHeld` events. Median and
          worst of the samples; snapshot every 250 events (the default).

          | aggregate loaded from | samples | median ms | worst ms |
          |---|---|---|---|
          | cache (`AggregateCache`) | %d | %.2f | %.2f |
          | latest snapshot + events after it (cache cleared) | %d | %.2f | %.2f |
          | all events, no snapshot (cache cleared, snapshots deleted) | %d | %.2f | %.2f |

          Recording the %,d meetings took %.1f s (%.0f commands/s, one at a time, each committed
          durably: `synchronous_commit=on`); Axon keeps the latest snapshot only (%d row).

          Measured %s on this project's development machine (2 cores). Reproduce with:

              ./mvnw -B -pl command-service -am test -Dtest=AggregateLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false
          """
              .formatted(
                  MEETINGS,
                  MEETINGS,
                  SAMPLES,
                  median(cached),
                  Collections.max(cached),
                  SAMPLES,
                  median(fromSnapshot),
                  Collections.max(fromSnapshot),
                  fullReplay.size(),
                  median(fullReplay),
                  Collections.max(fullReplay),
                  MEETINGS,
                  recordSeconds,
                  MEETINGS / recordSeconds,
                  snapshots,
                  LocalDateTime.now().withNano(0));
      Path out = Path.of("../docs/benchmarks/aggregate-load.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      System.out.println(report);
    }
  }

  private static RecordMeeting meeting(PartnershipId partnership, String id, LocalDate on) {
    return new RecordMeeting(
        partnership,
        MeetingId.of(id),
        MeetingType.CATCH_UP,
        on,
        30,
        COUNCIL,
        List.of(new Attendance(UNIVERSITY, AttendeeLevel.RESEARCHER, 1)),
        null);
  }

  private static double timeMillis(Runnable before, CommandGateway commands, Object command) {
    before.run();
    long start = System.nanoTime();
    commands.sendAndWait(command);
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
