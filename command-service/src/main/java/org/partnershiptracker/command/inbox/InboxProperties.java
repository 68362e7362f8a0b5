package org.partnershiptracker.command.inbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The activity inbox ({@code tracker.inbox.*}): council systems publish CloudEvents on Kafka, one
 * inbox topic per organisation, {@code <topic>.<organisation id>}, which only that organisation's
 * principals may write (Kafka ACLs); the command-service reads them all (a pattern subscription)
 * and records each record for the organisation its topic names, through the same command path as
 * HTTP. It connects to the cluster of {@code tracker.publication.*}, with the same client settings
 * (SASL included).
 *
 * @param enabled consume the inbox at all (off unless set: a service without council systems needs
 *     no consumer)
 * @param topic the inbox topics' common name: organisation {@code o} writes {@code <topic>.o}
 * @param outcomesTopic the outcome topics' common name: the outcome of every record on {@code
 *     <topic>.o} is published on {@code <outcomesTopic>.o}, keyed by its source
 * @param deadLetterTopic where a record that cannot be recorded goes, with the reason in headers
 *     (never an organisation's inbox, although its name begins like one)
 * @param group the consumer group (instances of the service share the inbox's partitions)
 * @param partitions partitions when the service has to create the topics
 * @param organisations the organisations whose inbox and outcomes topics the service creates on
 *     start when they are missing; an inbox topic created otherwise (by an operator) is read too
 * @param retryBackoff the first pause before a record that failed for a transient reason (the
 *     database down) is tried again
 * @param maxRetryBackoff the longest pause between such tries (the pause doubles up to it)
 */
@ConfigurationProperties("tracker.inbox")
public record InboxProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("partnership.activity.inbox") String topic,
    @DefaultValue("partnership.activity.outcomes") String outcomesTopic,
    @DefaultValue("partnership.activity.inbox.dlt") String deadLetterTopic,
    @DefaultValue("command-service-inbox") String group,
    @DefaultValue("6") int partitions,
    List<String> organisations,
    @DefaultValue("500ms") Duration retryBackoff,
    @DefaultValue("30s") Duration maxRetryBackoff) {

  /** An organisation id (shared-events' Identifier) that can be part of a topic name: no ':'. */
  private static final String ORGANISATION = "[A-Za-z0-9._-]{1,64}";

  public InboxProperties {
    organisations = organisations == null ? List.of() : List.copyOf(organisations);
    for (String organisation : organisations) {
      if (!organisation.matches(ORGANISATION)
          || (topic + "." + organisation).equals(deadLetterTopic)) {
        throw new IllegalArgumentException(
            "tracker.inbox.organisations: '"
                + organisation
                + "' cannot name an inbox topic (1-64 letters, digits, '.', '_' or '-'; not the"
                + " dead-letter topic)");
      }
    }
  }

  /** The inbox topic of {@code organisation}. */
  public String inboxOf(String organisation) {
    return topic + "." + organisation;
  }

  /** The outcomes topic of {@code organisation}. */
  public String outcomesOf(String organisation) {
    return outcomesTopic + "." + organisation;
  }

  /** Every organisation's inbox topic, and nothing else (not the dead-letter topic). */
  public Pattern subscription() {
    return Pattern.compile(
        "(?!"
            + Pattern.quote(deadLetterTopic)
            + "$)"
            + Pattern.quote(topic + ".")
            + "("
            + ORGANISATION
            + ")");
  }

  /**
   * The organisation whose inbox {@code inboxTopic} is (the only one its ACLs let write it), by
   * {@code subscription}, this {@link #subscription()} compiled once.
   */
  public static Optional<String> organisationOf(Pattern subscription, String inboxTopic) {
    Matcher matcher = subscription.matcher(inboxTopic);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
