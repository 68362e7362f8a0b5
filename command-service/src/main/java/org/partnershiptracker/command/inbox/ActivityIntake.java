package org.partnershiptracker.command.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.partnershiptracker.command.idempotency.IdempotencyContext;
import org.partnershiptracker.command.idempotency.IdempotencyProperties;
import org.partnershiptracker.command.idempotency.IdempotencyStore;
import org.partnershiptracker.command.idempotency.IdempotencyStore.State;
import org.partnershiptracker.command.idempotency.IdempotencyStore.StoredResponse;
import org.partnershiptracker.command.inbox.ActivityTypes.ActivityType;
import org.partnershiptracker.command.inbox.ActivityTypes.Dispatch;
import org.partnershiptracker.command.web.CommandPath;
import org.partnershiptracker.command.web.DatabaseUnavailable;
import org.partnershiptracker.command.web.ProblemResponses;
import org.partnershiptracker.command.web.Problems;
import org.partnershiptracker.command.web.StrictJson;
import org.partnershiptracker.command.web.access.PartnerDirectory;
import org.partnershiptracker.events.access.Caller;
import org.partnershiptracker.events.value.PartnershipId;
import org.springframework.stereotype.Component;

/**
 * Turns one inbox record into its outcome, through the same command path as an HTTP request: the
 * record is read as a CloudEvent and acts, as a recorder, for the organisation whose inbox topic it
 * came from (Kafka lets only that organisation's principals write it; {@code source} is only a
 * label and the caller's name), its {@code type} one of {@link ActivityTypes}, its {@code data} the
 * endpoint's body (read by the same strict mapper, validated by the same validator), its {@code
 * subject} a partnership the organisation is or was a partner of (the HTTP partner scope); then the
 * command passes {@link CommandPath} (authorization, metadata, rules).
 *
 * <p>The organisation + {@code source} + {@code id} is an idempotency key in the HTTP keys' table:
 * the outcome of a record that reached the command is stored under it, a recorded one in the
 * transaction of its events. A record delivered again gets the stored outcome and records nothing.
 * A failure of the database throws {@link TransientFailure}: nothing is stored, and the record is
 * tried again.
 */
@Component
public class ActivityIntake {
  /** The CloudEvents structured JSON content type. */
  public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

  /** A record with this header is a CloudEvent in binary content mode. */
  public static final String BINARY_MODE_HEADER = "ce_specversion";

  private final EventFormat cloudEvents = new JsonFormat();
  private final ObjectMapper strict;
  private final ObjectMapper json;
  private final Validator validator;
  private final PartnerDirectory partners;
  private final CommandPath path;
  private final IdempotencyStore keys;
  private final IdempotencyProperties keyProperties;

  ActivityIntake(
      ObjectMapper json,
      Validator validator,
      PartnerDirectory partners,
      CommandPath path,
      IdempotencyStore keys,
      IdempotencyProperties keyProperties) {
    this.json = json;
    this.strict = StrictJson.strict(json);
    this.validator = validator;
    this.partners = partners;
    this.path = path;
    this.keys = keys;
    this.keyProperties = keyProperties;
  }

  /** The database (or Kafka) failed: the record is to be tried again, never dead-lettered. */
  public static final class TransientFailure extends RuntimeException {
    TransientFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The outcome of a record from {@code organisation}'s inbox topic: in structured mode (the value
   * is the whole CloudEvent) or, when it has a {@code ce_specversion} header, in binary mode
   * (attributes in {@code ce_*} headers, the value is the data). The organisation is the one Kafka
   * authenticated (only its principals may write its topic), never what the record claims. Throws
   * {@link TransientFailure} to be tried again.
   */
  public InboxOutcome take(String organisation, byte[] value, Headers headers) {
    CloudEvent event;
    try {
      event = read(value, headers);
    } catch (Unrecordable e) {
      return e.of(null);
    }
    try {
      return take(organisation, event, fingerprintOf(value, headers));
    } catch (Unrecordable e) {
      return e.of(event);
    } catch (RuntimeException e) {
      if (DatabaseUnavailable.causedBy(e)) {
        throw new TransientFailure("the database cannot be reached", e);
      }
      throw e;
    }
  }

  private CloudEvent read(byte[] value, Headers headers) {
    boolean binary = headers.lastHeader(BINARY_MODE_HEADER) != null;
    if (!binary && (value == null || value.length == 0)) {
      throw Unrecordable.invalid("not-a-cloudevent", "record", "is empty");
    }
    try {
      return binary
          ? KafkaMessageFactory.createReader(headers, value).toEvent()
          : cloudEvents.deserialize(value);
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
      throw Unrecordable.invalid(
          "not-a-cloudevent",
          "record",
          "is not a CloudEvent 1.0 in structured JSON mode ("
              + CONTENT_TYPE
              + "): "
              + firstLine(why));
    }
  }

  /** What makes two deliveries the same record: the value, and in binary mode its attributes. */
  private static String fingerprintOf(byte[] value, Headers headers) {
    if (headers.lastHeader(BINARY_MODE_HEADER) == null) {
      return sha256(value);
    }
    java.util.TreeMap<String, String> attributes = new java.util.TreeMap<>();
    for (Header header : headers) {
      String name = header.key().toLowerCase(Locale.ROOT);
      if (name.startsWith("ce_") || name.equals("content-type")) {
        attributes.put(name, new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    byte[] head = attributes.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + 1 + (value == null ? 0 : value.length)];
    System.arraycopy(head, 0, all, 0, head.length);
    if (value != null) {
      System.arraycopy(value, 0, all, head.length + 1, value.length);
    }
    return sha256(all);
  }

  private InboxOutcome take(String organisation, CloudEvent event, String fingerprint) {
    String source = event.getSource().toString();
    Caller caller = new Caller(source, organisation, Set.of(Caller.Role.RECORDER));
    ActivityType<?> type =
        ActivityTypes.of(event.getType())
            .orElseThrow(
                () ->
                    Unrecordable.invalid(
                        "unknown-type",
                        "type",
                        "is not an activity type of this service (e.g. "
                            + ActivityTypes.PREFIX
                            + "meeting.recorded.v1)"));
    PartnershipId partnership = subject(event);
    Object request = data(event, type);
    Dispatch dispatch;
    try {
      dispatch = type.dispatch(request, new RecordTarget(organisation, event, partnership));
    } catch (IllegalArgumentException e) {
      throw Unrecordable.invalid("invalid-data", "data", String.valueOf(e.getMessage()));
    }
    if (!partners.isPartner(partnership, organisation)) {
      throw new Unrecordable(
          InboxOutcome.REFUSED,
          "not-a-partner",
          "organisation '"
              + organisation
              + "' is not a partner of partnership '"
              + partnership.value()
              + "'",
          List.of(
              Map.of("field", "subject", "message", "is not a partnership of the organisation")));
    }
    return send(organisation, event, fingerprint, caller, partnership, dispatch);
  }

  private PartnershipId subject(CloudEvent event) {
    if (event.getSubject() == null || event.getSubject().isBlank()) {
      throw Unrecordable.invalid("invalid-data", "subject", "must name the partnership");
    }
    try {
      return PartnershipId.of(event.getSubject());
    } catch (IllegalArgumentException e) {
      throw Unrecordable.invalid("invalid-data", "subject", String.valueOf(e.getMessage()));
    }
  }

  /** The data, read and validated exactly as the HTTP endpoint reads its body. */
  private Object data(CloudEvent event, ActivityType<?> type) {
    String contentType = event.getDataContentType();
    if (contentType != null
        && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw Unrecordable.invalid("invalid-data", "datacontenttype", "must be application/json");
    }
    CloudEventData data = event.getData();
    if (data == null) {
      throw Unrecordable.invalid("invalid-data", "data", "is missing");
    }
    Object request;
    try {
      request = strict.readValue(data.toBytes(), type.request());
    } catch (IOException e) {
      Map<String, String> error = ProblemResponses.unreadable(e);
      throw new Unrecordable(
          InboxOutcome.INVALID,
          "invalid-data",
          "data." + error.get("field") + ": " + error.get("message"),
          List.of(Map.of("field", "data." + error.get("field"), "message", error.get("message"))));
    }
    if (request == null) {
      throw Unrecordable.invalid("invalid-data", "data", "must be a JSON object");
    }
    Set<ConstraintViolation<Object>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      List<Map<String, String>> errors =
          violations.stream()
              .map(
                  v ->
                      Map.of(
                          "field",
                          v.getPropertyPath().toString().isEmpty()
                              ? "data"
                              : "data." + v.getPropertyPath(),
                          "message",
                          v.getMessage()))
              .sorted(Comparator.comparing((Map<String, String> e) -> e.get("field")))
              .toList();
      throw new Unrecordable(
          InboxOutcome.INVALID,
          "invalid-data",
          String.join(
              "; ", errors.stream().map(e -> e.get("field") + ": " + e.get("message")).toList()),
          errors);
    }
    return request;
  }

  /** Claims the record's key, sends its command and stores the outcome under the key. */
  private InboxOutcome send(
      String organisation,
      CloudEvent event,
      String fingerprint,
      Caller caller,
      PartnershipId partnership,
      Dispatch dispatch) {
    String key = key(organisation, event);
    if (!keys.claim(key, fingerprint, keyProperties.lease())) {
      return replay(event, key, fingerprint);
    }
    InboxOutcome recorded =
        outcome(
            event,
            InboxOutcome.RECORDED,
            InboxOutcome.RECORDED,
            null,
            null,
            List.of(),
            CommandPath.ids(partnership, dispatch.idPairs()));
    IdempotencyContext context = IdempotencyContext.open(key);
    try {
      IdempotencyContext.plan(
          new IdempotencyContext.Answer(201, "application/json", null, bytes(recorded)));
      path.send(caller, dispatch.command());
      if (!context.stored()) {
        keys.complete(key, 201, "application/json", null, bytes(recorded));
      }
      return recorded;
    } catch (RuntimeException e) {
      Optional<Problems.Outcome> problem = Problems.outcomeOf(e);
      if (problem.filter(Problems.Outcome::retryable).isPresent()) {
        release(key);
        throw new TransientFailure(
            "the command could not be stored now: " + problem.get().reason(), e);
      }
      InboxOutcome refused = refusal(event, problem, e);
      keys.complete(
          key,
          problem.map(p -> p.status().value()).orElse(500),
          "application/json",
          null,
          bytes(refused));
      return refused;
    } finally {
      IdempotencyContext.close();
    }
  }

  private void release(String key) {
    try {
      keys.release(key);
    } catch (RuntimeException e) {
      // The database is down: the claim's lease runs out and the retry takes it over.
    }
  }

  /** A second delivery of a record: the first one's outcome, or a retry while it is running. */
  private InboxOutcome replay(CloudEvent event, String key, String fingerprint) {
    StoredResponse stored = keys.find(key).orElse(null);
    if (stored == null || stored.state() == State.IN_PROGRESS) {
      throw new TransientFailure(
          "record " + event.getId() + " of " + event.getSource() + " is being processed", null);
    }
    if (!stored.fingerprint().equals(fingerprint)) {
      return outcome(
          event,
          InboxOutcome.REFUSED,
          "id-reused",
          null,
          "source '"
              + event.getSource()
              + "' sent a different record with id '"
              + event.getId()
              + "' before; a new record needs a new id",
          List.of(Map.of("field", "id", "message", "was used for a different record")),
          null);
    }
    try {
      return json.readValue(stored.body(), InboxOutcome.class);
    } catch (IOException e) {
      throw new IllegalStateException("stored outcome of " + key + " cannot be read", e);
    }
  }

  private InboxOutcome refusal(CloudEvent event, Optional<Problems.Outcome> problem, Throwable e) {
    if (problem.isEmpty()) {
      return outcome(
          event, InboxOutcome.ERROR, "error", null, "the command failed: " + e, List.of(), null);
    }
    var detail = problem.get().problem();
    Object rule = detail.getProperties() == null ? null : detail.getProperties().get("rule");
    @SuppressWarnings("unchecked")
    List<Map<String, String>> errors =
        detail.getProperties() != null && detail.getProperties().get("errors") instanceof List<?> l
            ? (List<Map<String, String>>) l
            : List.of();
    String outcome =
        problem.get().status().value() == 400 ? InboxOutcome.INVALID : InboxOutcome.REFUSED;
    return outcome(
        event,
        outcome,
        problem.get().reason(),
        rule == null ? null : rule.toString(),
        detail.getDetail(),
        errors,
        null);
  }

  private static InboxOutcome outcome(
      CloudEvent event,
      String outcome,
      String reason,
      String rule,
      String detail,
      List<Map<String, String>> errors,
      Map<String, String> ids) {
    return new InboxOutcome(
        event.getId(),
        event.getSource().toString(),
        event.getType(),
        event.getSubject(),
        outcome,
        reason,
        rule,
        detail,
        errors,
        ids);
  }

  /**
   * A record's idempotency key: its organisation (its topic's), source and id, digested (they may
   * be long). Scoped by organisation, so that one organisation's records can never replay, or be
   * refused as reusing the id of, another's that claim the same source.
   */
  static String key(String organisation, CloudEvent event) {
    return "inbox " + sha256(scope(organisation, event));
  }

  private static String scope(String organisation, CloudEvent event) {
    return organisation + "\n" + event.getSource() + "\n" + event.getId();
  }

  private byte[] bytes(InboxOutcome outcome) {
    try {
      return json.writeValueAsBytes(outcome);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an outcome cannot be written as JSON", e);
    }
  }

  private static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  /** The partnership, the path's other ids from extension attributes, ids derived from the key. */
  private static final class RecordTarget implements ActivityTypes.Target {
    private final String organisation;
    private final CloudEvent event;
    private final PartnershipId partnership;

    RecordTarget(String organisation, CloudEvent event, PartnershipId partnership) {
      this.organisation = organisation;
      this.event = event;
      this.partnership = partnership;
    }

    @Override
    public PartnershipId partnership() {
      return partnership;
    }

    @Override
    public <I> I attribute(String name, Function<String, I> idOf) {
      Object value = event.getExtension(name);
      if (value == null || value.toString().isBlank()) {
        throw Unrecordable.invalid(
            "invalid-data", name, "is a required extension attribute for " + event.getType());
      }
      try {
        return idOf.apply(value.toString());
      } catch (IllegalArgumentException e) {
        throw Unrecordable.invalid("invalid-data", name, String.valueOf(e.getMessage()));
      }
    }

    @Override
    public <I> I orNew(I given, Function<String, I> idOf, String prefix) {
      if (given != null) {
        return given;
      }
      UUID derived =
          UUID.nameUUIDFromBytes(scope(organisation, event).getBytes(StandardCharsets.UTF_8));
      return idOf.apply(prefix + "-" + derived);
    }
  }
}
