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
      String explanation) {

    PracticeScore withoutEvents() {
      return new PracticeScore(practice, code, score, weight, evidence, List.of(), explanation);
    }
  }

  /**
   * The same profile without the events behind each score: figures only, for trends kept in memory
   * over many days.
   */
  public TrustBuildingProfile withoutEvents() {
    return new TrustBuildingProfile(
        partnershipId,
        asOf,
        windowStart,
        windowDays,
        strip(scores),
        index,
        band,
        perceivedTrust,
        recommendations,
        organisations.stream()
            .map(
                o ->
                    new OrganisationProfile(
                        o.organisationId(),
                        o.organisationName(),
                        o.sector(),
                        strip(o.scores()),
                        o.index(),
                        o.band(),
                        o.perceivedTrust(),
                        o.recommendations()))
            .toList());
  }

  private static List<PracticeScore> strip(List<PracticeScore> scores) {
    return scores.stream().map(PracticeScore::withoutEvents).toList();
  }

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
