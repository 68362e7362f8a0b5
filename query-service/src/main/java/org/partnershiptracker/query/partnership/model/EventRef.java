package org.partnershiptracker.query.partnership.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.partnershiptracker.events.PartnershipEvent;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.events.partnership.PartnerJoined;
import org.partnershiptracker.events.partnership.PartnerLeft;
import org.partnershiptracker.events.partnership.PulseSurveyAnswered;
import org.partnershiptracker.events.partnership.QuickWinDelivered;
import org.partnershiptracker.events.partnership.RoleDesignated;
import org.partnershiptracker.events.project.DataSharingAgreementDrafted;
import org.partnershiptracker.events.project.DataSharingAgreementRevised;
import org.partnershiptracker.events.project.DataSharingAgreementSigned;
import org.partnershiptracker.events.project.ProjectProposed;
import org.partnershiptracker.events.value.OrganisationId;

/**
 * A recorded event as a score's evidence names it: its id in the event store (the history page's
 * anchor {@code event-<eventId>}), the day it happened, its type, the organisations it concerns,
 * and the organisation that recorded it (null when the record did not say, as none did before the
 * envelope carried it).
 */
public record EventRef(
    String eventId,
    LocalDate on,
    String type,
    List<String> organisationIds,
    String recordedByOrganisation) {

  public EventRef {
    organisationIds = List.copyOf(organisationIds);
  }

  /** The event as evidence, naming the organisations the event itself names. */
  public static EventRef of(String eventId, String recordedByOrganisation, PartnershipEvent event) {
    return new EventRef(
        eventId,
        event.occurredOn(),
        event.getClass().getSimpleName(),
        namedBy(event),
        recordedByOrganisation);
  }

  /**
   * The same event concerning {@code organisations} when it names none itself: a role's change
   * names the role's organisation, a project's start or milestone its data providers.
   */
  public EventRef concerning(List<String> organisations) {
    return organisationIds.isEmpty()
        ? new EventRef(eventId, on, type, organisations, recordedByOrganisation)
        : this;
  }

  /** The evidence of these events, in the order they happened (in store order on a day). */
  public static List<EventRef> byDay(List<EventRef> events) {
    List<EventRef> sorted = new ArrayList<>(events);
    sorted.sort(java.util.Comparator.comparing(EventRef::on));
    return List.copyOf(sorted);
  }

  private static List<String> namedBy(PartnershipEvent event) {
    Set<String> named = new LinkedHashSet<>();
    if (event instanceof MeetingHeld e) {
      named.addAll(MeetingKeys.participants(e));
    } else if (event instanceof PulseSurveyAnswered e) {
      named.add(e.respondentOrganisationId().value());
      named.add(e.aboutOrganisationId().value());
    } else if (event instanceof PartnerJoined e) {
      named.add(e.organisationId().value());
    } else if (event instanceof PartnerLeft e) {
      named.add(e.organisationId().value());
    } else if (event instanceof RoleDesignated e) {
      named.add(e.organisationId().value());
    } else if (event instanceof QuickWinDelivered e) {
      named.add(e.beneficiaryOrganisationId().value());
    } else if (event instanceof DataSharingAgreementDrafted e) {
      named.add(e.byOrganisationId().value());
    } else if (event instanceof DataSharingAgreementRevised e) {
      named.add(e.byOrganisationId().value());
    } else if (event instanceof DataSharingAgreementSigned e) {
      named.add(e.byOrganisationId().value());
    } else if (event instanceof ProjectProposed e) {
      e.dataProviderOrganisationIds().stream().map(OrganisationId::value).forEach(named::add);
    }
    return List.copyOf(named);
  }
}
