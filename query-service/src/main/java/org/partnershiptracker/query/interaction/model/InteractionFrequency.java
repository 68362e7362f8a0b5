package org.partnershiptracker.query.interaction.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How often, how regularly and at which levels partners met between two dates (L3, L5). Gaps are
 * days between consecutive days with an interaction.
 */
public record InteractionFrequency(
    String partnershipId,
    LocalDate from,
    LocalDate to,
    Granularity granularity,
    int totalInteractions,
    Map<String, Integer> byType,
    Map<String, Integer> byLevel,
    int onSiteDays,
    LocalDate lastInteractionOn,
    Long daysSinceLastInteraction,
    Double medianGapDays,
    Long longestGapDays,
    int weeksWithoutContact,
    Map<String, List<String>> levelsEngagedByOrganisation,
    List<Period> periods,
    List<OrganisationPair> organisationPairs) {

  /** One week ("2025-W07") or month ("2025-02") of the range. */
  public record Period(
      String label,
      LocalDate start,
      int interactions,
      int onSiteDays,
      Map<String, Integer> byType) {}

  /** Two organisations that took part in the same interactions. */
  public record OrganisationPair(
      String pair,
      String firstOrganisationId,
      String firstOrganisationName,
      String secondOrganisationId,
      String secondOrganisationName,
      int interactions,
      int onSiteDays,
      LocalDate lastInteractionOn,
      Long daysSinceLastInteraction) {}
}
