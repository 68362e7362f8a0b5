package org.partnershiptracker.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Idempotency keys that survive crashes: a claim left in progress by a dead process expires after
 * its lease, a successful command's answer is stored with its events, answers to invalid requests
 * are not kept, keys are scoped to the partnership in the path, and old keys are forgotten.
 */
@CommandServiceOverHttp
@TestPropertySource(
    properties = {
      "tracker.embedded-postgres.data-dir=target/it-data/idempotency-it",
      "tracker.idempotency.lease=1s"
    })
class IdempotencyIT extends NewPartnershipEachTest {
  @Autowired JdbcTemplate jdbc;
  @Autowired org.partnershiptracker.command.idempotency.IdempotencyUnitOfWork retention;

  private static String survey(int trust) {
    return """
    {"respondentOrganisationId":"north-council","aboutOrganisationId":"uni","trust":%d,"answeredOn":"2025-02-01"}
    """
        .formatted(trust);
  }

  /** Posts a pulse survey with this trust to this test's partnership under an idempotency key. */
  private CommandApi.Response answerSurvey(int trust, String key) {
    return api.post("/api/partnerships/" + partnership + "/pulse-surveys", survey(trust), key);
  }

  private long surveys() {
    return api.historyOf(partnership, "PulseSurveyAnswered").size();
  }

  @Test
  void aKeyLeftInProgressByADeadProcessIsTakenOverAfterItsLease() throws Exception {
    String key = "stuck-" + UUID.randomUUID();
    CommandApi.Response first = answerSurvey(4, key);
    assertThat(first.status()).isEqualTo(201);
    // As a kill -9 between the claim and the command would leave it: in progress, nothing recorded.
    jdbc.update(
        "UPDATE idempotency_record SET state = 'IN_PROGRESS', created_at = now() - interval '1"
            + " minute' WHERE idempotency_key LIKE ?",
        partnership + " % " + key);

    CommandApi.Response retry = answerSurvey(4, key);

    assertThat(retry.status()).as("the stale claim expired; the retry ran").isEqualTo(201);
    assertThat(surveys())
        .as("this test's stuck state had the event already; a real crash before commit has none")
        .isEqualTo(2);
  }

  @Test
  void aSuccessfulCommandsAnswerIsStoredWithItsEventsAndReplayed() {
    String key = "ok-" + UUID.randomUUID();
    CommandApi.Response first = answerSurvey(5, key);
    assertThat(first.status()).isEqualTo(201);
    assertThat(
            jdbc.queryForObject(
                "SELECT state FROM idempotency_record WHERE idempotency_key LIKE ?",
                String.class,
                partnership + " % " + key))
        .isEqualTo("COMPLETED");
    CommandApi.Response again = answerSurvey(5, key);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(surveys()).isEqualTo(1);
  }

  @Test
  void requestsWithOneKeyAtOnceRecordOnceAndAllGetTheFirstAnswer() throws Exception {
    String key = "race-" + UUID.randomUUID();
    java.util.concurrent.ExecutorService clients =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    java.util.List<java.util.concurrent.Future<CommandApi.Response>> answers =
        new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(clients.submit(() -> answerSurvey(4, key)));
    }
    java.util.Set<String> bodies = new java.util.HashSet<>();
    for (java.util.concurrent.Future<CommandApi.Response> answer : answers) {
      CommandApi.Response response = answer.get();
      assertThat(response.status()).isEqualTo(201);
      bodies.add(response.body().toString());
    }
    clients.shutdown();
    assertThat(bodies).as("one answer for all").hasSize(1);
    assertThat(surveys()).as("recorded once").isEqualTo(1);
  }

  @Test
  void anInvalidRequestIsNotKeptSoTheCorrectedOneRunsUnderTheSameKey() {
    String key = "typo-" + UUID.randomUUID();
    assertThat(answerSurvey(9, key).status()).isEqualTo(400);
    assertThat(answerSurvey(3, key).status()).isEqualTo(201);
    assertThat(surveys()).isEqualTo(1);
  }

  @Test
  void theSameKeyOnAnotherPartnershipIsAnotherKey() {
    String other = "p-" + UUID.randomUUID();
    api.formPartnershipWithPartners(other);
    String key = "shared-" + UUID.randomUUID();
    assertThat(answerSurvey(4, key).status()).isEqualTo(201);
    assertThat(api.post("/api/partnerships/" + other + "/pulse-surveys", survey(4), key).status())
        .isEqualTo(201);
  }

  @Test
  void keysOlderThanTheRetentionAreForgotten() {
    String key = "old-" + UUID.randomUUID();
    assertThat(answerSurvey(4, key).status()).isEqualTo(201);
    jdbc.update(
        "UPDATE idempotency_record SET created_at = now() - interval '8 days' WHERE idempotency_key"
            + " LIKE ?",
        partnership + " % " + key);
    assertThat(retention.forgetOldKeys()).isPositive();
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM idempotency_record WHERE idempotency_key LIKE ?",
                Long.class,
                partnership + " % " + key))
        .isZero();
  }
}
