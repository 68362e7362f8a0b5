package org.partnershiptracker.command.web.access;

import java.util.LinkedHashMap;
import java.util.Map;
import org.partnershiptracker.command.rules.ActsForOrganisation;
import org.partnershiptracker.events.access.Caller;

/**
 * What every command passes before it runs, whichever way it came in: an organisation acts only for
 * itself; and the metadata that records who gave it (kept with its events, shown in the history).
 */
public final class CommandAuthorization {
  /** Event metadata: the token subject that recorded the event. */
  public static final String RECORDED_BY = "recordedBy";

  /** Event metadata: the organisation the recorder acted for. */
  public static final String RECORDED_BY_ORGANISATION = "recordedByOrganisation";

  private CommandAuthorization() {}

  /** Refuses a command acting for another organisation than the caller's. */
  public static void check(Caller caller, Object command) {
    if (command instanceof ActsForOrganisation act
        && !caller.actsFor(act.actingOrganisation().value())) {
      throw new NotYourOrganisation(
          act.actingField(),
          "an organisation acts only for itself: the caller acts for "
              + (caller.organisationId() == null ? "no organisation" : caller.organisationId())
              + ", not "
              + act.actingOrganisation().value());
    }
  }

  /** Who gave the command, for its events' metadata. */
  public static Map<String, String> auditOf(Caller caller) {
    Map<String, String> metaData = new LinkedHashMap<>();
    metaData.put(RECORDED_BY, caller.subject());
    if (caller.organisationId() != null) {
      metaData.put(RECORDED_BY_ORGANISATION, caller.organisationId());
    }
    return metaData;
  }
}
