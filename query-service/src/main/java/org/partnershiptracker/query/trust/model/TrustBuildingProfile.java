package org.partnershiptracker.query.trust.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.partnershiptracker.query.partnership.model.EventRef;

/**
 * Trust building as of a day over a trailing window: one score per practice with its evidence, the
 * composite index and band, perceived trust beside it, what to do next, and the same for each
 * public-sector partner seen on its own.
 */
public record TrustBuildingProfile(
    String partnershipId,
    LocalDate asOf,
    LocalDate windowStart,
    int windowDays,
    List<PracticeScore> scores,
    Double index,
    Band band,
    Double perceivedTrust,
    List<Recommendation> recommendations,
    List<OrganisationProfile> organisations) {

  public enum Band {
    AT_RISK,
    DEVELOPING,
    STRONG
  }

  /**
   * A practice's 0..1 score, or null with the reason when there is nothing to judge it on; {@code
   * evidence} the counts it came from, {@code events} the recorded events it was computed from, in
   * the order they happened.
   */
  public record PracticeScore(
      Practice practice,
      String code,
      Double score,
      double weight,
      Map<String, Object> evidence,
      List<EventRef> events,
      String explanation) {}

  public record Recommendation(Practice practice, String code, String text) {}

  /** One partner's profile: the partnership's formulas over what that partner took part in. */
  public record OrganisationProfile(
      String organisationId,
      String organisationName,
      String sector,
      List<PracticeScore> scores,
      Double index,
      Band band,
      Double perceivedTrust,
      List<Recommendation> recommendations) {}
}
