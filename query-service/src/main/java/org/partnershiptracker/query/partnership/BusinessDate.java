package org.partnershiptracker.query.partnership;

import org.partnershiptracker.events.PartnershipEvent;
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

import java.time.LocalDate;

/**
 * The day an event says something happened (a meeting's heldOn, a signature's signedOn…), as
 * opposed to when it was recorded. "As of" a date means: events whose business date is on or
 * before it.
 */
public final class BusinessDate {
  private BusinessDate() {}

  public static LocalDate of(PartnershipEvent event) {
    if (event instanceof PartnershipFormed e) {
      return e.formedOn();
    }
    if (event instanceof PartnerJoined e) {
      return e.joinedOn();
    }
    if (event instanceof PartnerLeft e) {
      return e.leftOn();
    }
    if (event instanceof RoleDesignated e) {
      return e.designatedOn();
    }
    if (event instanceof RoleReassigned e) {
      return e.reassignedOn();
    }
    if (event instanceof RoleVacated e) {
      return e.vacatedOn();
    }
    if (event instanceof MeetingHeld e) {
      return e.heldOn();
    }
    if (event instanceof QuickWinDelivered e) {
      return e.deliveredOn();
    }
    if (event instanceof PulseSurveyAnswered e) {
      return e.answeredOn();
    }
    if (event instanceof PartnershipClosed e) {
      return e.closedOn();
    }
    if (event instanceof ProjectProposed e) {
      return e.proposedOn();
    }
    if (event instanceof DataSharingAgreementDrafted e) {
      return e.draftedOn();
    }
    if (event instanceof DataSharingAgreementRevised e) {
      return e.revisedOn();
    }
    if (event instanceof DataSharingAgreementSigned e) {
      return e.signedOn();
    }
    if (event instanceof DataSharingAgreementExpired e) {
      return e.expiredOn();
    }
    if (event instanceof ProjectStarted e) {
      return e.startedOn();
    }
    if (event instanceof MilestonePlanned e) {
      return e.plannedOn();
    }
    if (event instanceof MilestoneAchieved e) {
      return e.achievedOn();
    }
    if (event instanceof MilestoneMissed e) {
      return e.missedOn();
    }
    if (event instanceof MilestoneRescheduled e) {
      return e.rescheduledOn();
    }
    if (event instanceof ProjectCompleted e) {
      return e.completedOn();
    }
    if (event instanceof ProjectAbandoned e) {
      return e.abandonedOn();
    }
    throw new IllegalArgumentException("no business date for " + event.getClass().getSimpleName());
  }
}
