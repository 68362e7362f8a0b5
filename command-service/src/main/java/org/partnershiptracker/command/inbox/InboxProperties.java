package org.partnershiptracker.command.inbox;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The activity inbox ({@code tracker.inbox.*}): council systems publish CloudEvents on a Kafka
 * topic, the command-service records them through the same command path as HTTP. It connects to the
 * cluster of {@code tracker.publication.*}, with the same client settings (SASL included).
 *
 * @param enabled consume the inbox at all (off unless set: a service without council systems needs
 *     no consumer)
 * @param topic the inbox topic
 * @param outcomesTopic where the outcome of every record is published, keyed by its source
 * @param deadLetterTopic where a record that cannot be recorded goes, with the reason in headers
 * @param group the consumer group (instances of the service share the inbox's partitions)
 * @param partitions partitions when the service has to create the three topics
 * @param sources which organisation each CloudEvent {@code source} acts for, e.g. {@code
 *     tracker.inbox.sources.[urn:north-council:calendar]=north-council}; a record from a source not
 *     listed is dead-lettered
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
    Map<String, String> sources,
    @DefaultValue("500ms") Duration retryBackoff,
    @DefaultValue("30s") Duration maxRetryBackoff) {

  public InboxProperties {
    sources = sources == null ? Map.of() : Map.copyOf(sources);
  }
}
