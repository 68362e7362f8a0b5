package org.partnershiptracker.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.events.partnership.PartnerJoined;
import org.partnershiptracker.events.partnership.PartnerLeft;
import org.partnershiptracker.events.partnership.PartnershipClosed;
import org.partnershiptracker.events.partnership.PartnershipFormed;
import org.partnershiptracker.events.partnership.PulseSurveyAnswered;
import org.partnershiptracker.events.partnership.QuickWinDelivered;
import org.partnershiptracker.events.partnership.RoleDesignated;
import org.partnershiptracker.events.partnership.RoleReassigned;
import org.partnershiptracker.events.partnership.RoleVacated;
import org.partnershiptracker.events.project.DataSharingAgreementDrafted;
import org.partnershiptracker.events.project.DataSharingAgreementExpired;
import org.partnershiptracker.events.project.DataSharingAgreementRevised;
import org.partnershiptracker.events.project.DataSharingAgreementSigned;
import org.partnershiptracker.events.project.MilestoneAchieved;
import org.partnershiptracker.events.project.MilestoneMissed;
import org.partnershiptracker.events.project.MilestonePlanned;
import org.partnershiptracker.events.project.MilestoneRescheduled;
import org.partnershiptracker.events.project.ProjectAbandoned;
import org.partnershiptracker.events.project.ProjectCompleted;
import org.partnershiptracker.events.project.ProjectProposed;
import org.partnershiptracker.events.project.ProjectStarted;

/**
 * Every event type of the contract, so consumers can resolve a type name without reflection scans.
 */
public final class EventCatalogue {
  public static final List<Class<? extends PartnershipEvent>> EVENT_TYPES =
      List.of(
          PartnershipFormed.class,
          PartnerJoined.class,
          PartnerLeft.class,
          RoleDesignated.class,
          RoleReassigned.class,
          RoleVacated.class,
          MeetingHeld.class,
          QuickWinDelivered.class,
          PulseSurveyAnswered.class,
          PartnershipClosed.class,
          ProjectProposed.class,
          DataSharingAgreementDrafted.class,
          DataSharingAgreementRevised.class,
          DataSharingAgreementSigned.class,
          DataSharingAgreementExpired.class,
          ProjectStarted.class,
          MilestonePlanned.class,
          MilestoneAchieved.class,
          MilestoneMissed.class,
          MilestoneRescheduled.class,
          ProjectCompleted.class,
          ProjectAbandoned.class);

  private static final Map<String, Class<? extends PartnershipEvent>> BY_SIMPLE_NAME =
      EVENT_TYPES.stream().collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

  private EventCatalogue() {}

  /** The event type with this simple name (e.g. "MeetingHeld"), if it is part of the contract. */
  public static Optional<Class<? extends PartnershipEvent>> bySimpleName(String name) {
    return Optional.ofNullable(BY_SIMPLE_NAME.get(name));
  }
}
