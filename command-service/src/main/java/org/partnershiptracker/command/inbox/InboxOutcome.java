package org.partnershiptracker.command.inbox;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What became of one inbox record, as published on its organisation's outcomes topic (keyed by
 * {@code source}).
 *
 * @param id the CloudEvent's id (null if the record was not a readable CloudEvent)
 * @param source the CloudEvent's source
 * @param type the CloudEvent's type
 * @param subject the partnership it was about
 * @param outcome {@code recorded}, {@code refused} (a rule, an organisation that is not a partner,
 *     something not found), {@code invalid} (not a CloudEvent, an unknown type, data that fails the
 *     endpoint's schema) or {@code error}
 * @param reason a bounded code: {@code recorded}, the rule's code, {@code not-a-partner}, {@code
 *     not-a-cloudevent}, {@code unknown-type}, {@code invalid-data}, {@code id-reused}, {@code
 *     not-found}, {@code forbidden}, {@code error}
 * @param rule the rule that refused it, if a rule did
 * @param detail a sentence for a person
 * @param errors each wrong field as {@code {field, message}}
 * @param ids what was recorded (partnershipId and the new ids), when recorded
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record InboxOutcome(
    String id,
    String source,
    String type,
    String subject,
    String outcome,
    String reason,
    String rule,
    String detail,
    List<Map<String, String>> errors,
    Map<String, String> ids) {

  public static final String RECORDED = "recorded";
  public static final String REFUSED = "refused";
  public static final String INVALID = "invalid";
  public static final String ERROR = "error";

  /** Everything but a recorded activity also goes to the dead-letter topic. */
  @JsonIgnore
  public boolean deadLettered() {
    return !RECORDED.equals(outcome);
  }
}
