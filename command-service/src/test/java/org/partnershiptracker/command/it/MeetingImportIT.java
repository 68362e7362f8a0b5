package org.partnershiptracker.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershiptracker.command.it.CommandApi.expectStatus;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * CSV import of meetings over real HTTP into the embedded PostgreSQL: a valid file records its
 * meetings, a file with bad rows names every one and records nothing, the same file again records
 * nothing new, a large file runs as an import job with progress, and the template imports as it is.
 */
@CommandServiceOverHttp
@TestPropertySource(
    properties = "tracker.embedded-postgres.data-dir=target/it-data/meeting-import-it")
class MeetingImportIT extends NewPartnershipEachTest {
  private static final String HEADER =
      "meetingId,heldOn,type,durationMinutes,hostOrganisationId,projectId,attendees\r\n";

  @Autowired MeterRegistry metrics;

  private String imports() {
    return "/api/partnerships/" + partnership + "/imports/meetings";
  }

  private long meetings() {
    return api.historyOf(partnership, "MeetingHeld").size();
  }

  private static final String VALID =
      HEADER
          + "kick-off-2025-02-03,2025-02-03,STEERING,90,north-council,,north-council:SENIOR_LEADER:2;uni:RESEARCHER:3\r\n"
          + ",2025-02-10,WORKING_SESSION,120,uni,,uni:ANALYST:4;south-council:ANALYST:2\r\n"
          + ",2025-02-17,ON_SITE_WORK_DAY,360,south-council,,south-council:FRONTLINE:6\r\n";

  @Test
  void aValidFileRecordsEveryRow() {
    // as a spreadsheet saves it: with a byte order mark
    CommandApi.Response answer = expectStatus(200, api.postCsv(imports(), "\uFEFF" + VALID));

    assertThat(answer.body().get("imported").asInt()).isEqualTo(3);
    assertThat(answer.body().get("unchanged").asInt()).isZero();
    assertThat(answer.body().get("meetingIds")).hasSize(3);
    assertThat(answer.body().get("meetingIds").get(0).asText()).isEqualTo("kick-off-2025-02-03");
    assertThat(answer.body().get("meetingIds").get(1).asText()).startsWith("meeting-");
    assertThat(meetings()).isEqualTo(3);
  }

  @Test
  void theSameFileImportedAgainRecordsNothingNew() {
    JsonNode first = expectStatus(200, api.postCsv(imports(), VALID)).body();

    JsonNode again = expectStatus(200, api.postCsv(imports(), VALID)).body();

    assertThat(again.get("imported").asInt()).isZero();
    assertThat(again.get("unchanged").asInt()).isEqualTo(3);
    assertThat(again.get("meetingIds")).isEqualTo(first.get("meetingIds"));
    assertThat(meetings()).isEqualTo(3);
  }

  @Test
  void aFileWithBadRowsNamesEveryBadRowAndRecordsNothing() {
    String file =
        HEADER
            + ",2025-02-03,STEERING,90,north-council,,north-council:SENIOR_LEADER:2\r\n"
            + ",2025-13-01,STEERING,90,north-council,,north-council:BOSS:2\r\n"
            + ",2025-02-05,CATCH_UP,30,uni,,uni:ANALYST:1\r\n"
            + ",2025-02-06,LUNCH,0,uni,,uni:ANALYST:1\r\n";

    CommandApi.Response answer = expectStatus(400, api.postCsv(imports(), file));

    assertThat(answer.contentType()).startsWith("application/problem+json");
    List<String> errors = new ArrayList<>();
    answer
        .body()
        .get("errors")
        .forEach(e -> errors.add(e.get("row") + " " + e.get("column").asText()));
    assertThat(errors).containsExactly("3 heldOn", "3 attendees", "5 type", "5 durationMinutes");
    assertThat(answer.body().get("errors").get(1).get("message").asText())
        .contains("BOSS", "one of");
    assertThat(meetings()).isZero();
  }

  @Test
  void aHeaderRowWithAnUnknownColumnOrWithoutARequiredOneIsRefusedAsRow1() {
    String file =
        "heldOn,type,durationMinutes,hostOrganisationId,notes\r\n"
            + "2025-02-03,STEERING,90,north-council,kick-off\r\n";

    CommandApi.Response answer = expectStatus(400, api.postCsv(imports(), file));

    List<String> errors = new ArrayList<>();
    answer
        .body()
        .get("errors")
        .forEach(e -> errors.add(e.get("row") + " " + e.get("column").asText()));
    assertThat(errors).containsExactly("1 notes", "1 attendees");
    assertThat(meetings()).isZero();
  }

  @Test
  void anImportJobOfAnotherPartnershipOrUnknownIsNotFound() {
    expectStatus(404, api.get("/api/partnerships/" + partnership + "/imports/import-unknown"));
  }

  @Test
  void aRowARuleRefusesStopsASmallImportNamingTheRow() {
    String file =
        HEADER
            + ",2025-02-03,STEERING,90,north-council,,north-council:SENIOR_LEADER:2\r\n"
            + ",2024-12-01,STEERING,90,north-council,,north-council:SENIOR_LEADER:2\r\n";

    CommandApi.Response answer = expectStatus(409, api.postCsv(imports(), file));

    assertThat(answer.body().get("rule").asText()).isEqualTo("activity-after-formation");
    assertThat(answer.body().get("row").asInt()).isEqualTo(3);
    assertThat(answer.body().get("imported").asInt()).isEqualTo(1);
    assertThat(meetings()).as("the row before it stays recorded").isEqualTo(1);
  }

  @Test
  void theTemplateIsTheHeaderAndAnExampleRowThatImports() {
    HttpResponse<String> template = api.getText(imports() + "/template.csv");

    assertThat(template.statusCode()).isEqualTo(200);
    assertThat(template.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    String[] lines = template.body().split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0] + "\r\n").isEqualTo(HEADER);
    assertThat(
            expectStatus(200, api.postCsv(imports(), template.body()))
                .body()
                .get("imported")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void aLargeFileRunsAsAnImportJobWithProgress() {
    int rows = Integer.getInteger("meeting-import-it.rows", 10_000);
    StringBuilder file = new StringBuilder(HEADER);
    LocalDate formed = LocalDate.parse("2025-01-06");
    for (int i = 0; i < rows; i++) {
      file.append(',')
          .append(formed.plusDays(i % 300))
          .append(",CATCH_UP,")
          .append(1 + i / 300)
          .append(",north-council,,north-council:ANALYST:2;uni:RESEARCHER:1\r\n");
    }
    double importedBefore = counted("imported");
    long started = System.nanoTime();

    CommandApi.Response accepted = expectStatus(202, api.postCsv(imports(), file.toString()));

    String location = accepted.header("Location");
    assertThat(location).contains("/api/partnerships/" + partnership + "/imports/import-");
    String progress = location.substring(location.indexOf("/api/"));
    AtomicReference<JsonNode> last = new AtomicReference<>();
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              JsonNode job = expectStatus(200, api.get(progress)).body();
              last.set(job);
              assertThat(job.get("state").asText()).isNotEqualTo("FAILED");
              return job.get("state").asText().equals("COMPLETED");
            });
    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    System.out.printf("MeetingImportIT: %d rows imported as a job in %d s%n", rows, seconds);

    JsonNode job = last.get();
    assertThat(job.get("rows").asInt()).isEqualTo(rows);
    assertThat(job.get("done").asInt()).isEqualTo(rows);
    assertThat(job.get("imported").asInt()).isEqualTo(rows);
    assertThat(meetings()).isEqualTo(rows);
    assertThat(counted("imported") - importedBefore).isEqualTo(rows);
  }

  private double counted(String outcome) {
    Counter counter = metrics.find("tracker.imports.rows").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }
}
