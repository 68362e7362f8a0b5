package org.partnershiptracker.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnershiptracker.command.it.CommandApi.expectStatus;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.command.publication.KafkaEventPublisher;
import org.partnershiptracker.infra.kafka.KafkaBroker;

/**
 * Every stored event reaches the partnership.events topic of a real Kafka broker (KRaft), keyed by
 * partnership id, in order, with its envelope; and commands accepted while the broker is down are
 * published once it is back.
 */
class PublicationIT extends OwnBrokerEachTest {
  private PublishedEvents published;

  PublicationIT() {
    super("publication-it");
  }

  @AfterEach
  void stop() {
    if (published != null) published.close();
  }

  /** The command-service with its own store, publishing to a fresh broker; a consumer of it. */
  private CommandApi start() {
    broker = KafkaBroker.start(runDir.resolve("kafka"), 0, 0);
    app =
        CommandServiceInJvm.start(
            runDir.resolve("postgres"),
            "--tracker.publication.bootstrap-servers=" + broker.bootstrapServers(),
            "--tracker.publication.send-timeout=2s");
    published = new PublishedEvents(broker.bootstrapServers());
    return new CommandApi(CommandServiceInJvm.port(app));
  }

  @Test
  void eventsArePublishedInOrderAndNothingIsLostWhileKafkaIsDown() {
    CommandApi api = start();

    api.formPartnershipWithPartners("p-pub");
    expectStatus(
        201,
        api.post(
            "/api/partnerships/p-pub/projects",
            """
            {"projectId":"pub-project","title":"Demand","problemStatement":"Forecast demand",
             "dataProviderOrganisationIds":["north-council"],"proposedOn":"2025-01-20"}
            """));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(published.drain().size()).isEqualTo(5);
            });

    JsonNode proposed = published.envelopes().get(4);
    assertThat(proposed.get("type").asText()).isEqualTo("ProjectProposed");
    assertThat(proposed.get("revision").asText()).isEqualTo("1");
    assertThat(proposed.get("partnershipId").asText()).isEqualTo("p-pub");
    assertThat(proposed.get("aggregateType").asText()).isEqualTo("Project");
    assertThat(proposed.get("aggregateId").asText()).isEqualTo("pub-project");
    assertThat(proposed.get("sequenceNumber").asLong()).isZero();
    assertThat(proposed.get("timestamp").asText()).isNotBlank();
    assertThat(proposed.get("payload").get("title").asText()).isEqualTo("Demand");
    assertThat(proposed.get("recordedByOrganisation").asText())
        .as("the recording organisation from the audit metadata: the operator acts for uni")
        .isEqualTo("uni");
    assertThat(proposed.has("recordedBy"))
        .as("who the person or client was stays in the command-service's history")
        .isFalse();
    assertThat(published.keys())
        .as("keyed by partnership, project events included")
        .containsOnly("p-pub");

    broker.close();
    for (int i = 1; i <= 5; i++) {
      expectStatus(
          201,
          api.post(
              "/api/partnerships/p-pub/meetings",
              """
              {"meetingId":"while-down-%d","type":"CATCH_UP","heldOn":"2025-02-0%d","durationMinutes":30,
               "hostOrganisationId":"uni","attendees":[{"organisationId":"south-council","level":"ANALYST","count":1}]}
              """
                  .formatted(i, i)));
    }
    broker = broker.restart();

    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () -> {
              assertThat(published.drain().size()).isEqualTo(10);
            });
    assertThat(published.envelopes().stream().map(envelope -> envelope.get("type").asText()))
        .containsExactly(
            "PartnershipFormed",
            "PartnerJoined",
            "PartnerJoined",
            "PartnerJoined",
            "ProjectProposed",
            "MeetingHeld",
            "MeetingHeld",
            "MeetingHeld",
            "MeetingHeld",
            "MeetingHeld");
    assertThat(
            published.envelopes().stream()
                .map(e -> e.get("payload").path("meetingId").asText())
                .skip(5))
        .containsExactly(
            "while-down-1", "while-down-2", "while-down-3", "while-down-4", "while-down-5");
    published.assertEachPartnershipWholeAndInStoreOrder();
  }

  @Test
  void partnershipsArePublishedSideBySideInSegmentsEachInItsStoreOrder() throws Exception {
    CommandApi api = start();
    List<String> partnerships = List.of("p-seg-0", "p-seg-1", "p-seg-2", "p-seg-3", "p-seg-4");
    partnerships.forEach(api::formPartnershipWithPartners);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<?>> meetings = new ArrayList<>();
    for (int day = 1; day <= 20; day++) {
      for (String partnership : partnerships) {
        String body =
            """
            {"type":"CATCH_UP","heldOn":"2025-03-%02d","durationMinutes":30,"hostOrganisationId":"uni",
             "attendees":[{"organisationId":"south-council","level":"ANALYST","count":1}]}
            """
                .formatted(day);
        meetings.add(
            clients.submit(
                () ->
                    expectStatus(
                        201, api.post("/api/partnerships/" + partnership + "/meetings", body))));
      }
    }
    for (Future<?> meeting : meetings) {
      meeting.get();
    }
    clients.shutdown();

    int eventsPerPartnership = 4 + 20; // formed, three partners joined, twenty meetings
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(published.drain().size())
                    .isEqualTo(partnerships.size() * eventsPerPartnership));
    published.assertEachPartnershipWholeAndInStoreOrder();
    StreamingEventProcessor publisher =
        app.getBean(EventProcessingConfiguration.class)
            .eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
            .orElseThrow();
    assertThat(publisher)
        .as("threads that wait on the store's stream, not a pool polling it every 500 ms")
        .isInstanceOf(TrackingEventProcessor.class);
    assertThat(publisher.processingStatus()).as("four segments, all claimed here").hasSize(4);
  }
}
