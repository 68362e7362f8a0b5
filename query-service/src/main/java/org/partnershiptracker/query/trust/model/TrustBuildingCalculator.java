package org.partnershiptracker.query.trust.model;

import java.time.LocalDate;
import java.util.List;
import org.partnershiptracker.query.partnership.model.PartnershipFacts;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile.Band;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile.OrganisationProfile;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile.PracticeScore;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile.Recommendation;

/**
 * Trust building as of a day: the practice scores, the composite index (100 × weighted mean of the
 * scores there is evidence for), the band, and a recommendation for every score at or below 0.5.
 */
public class TrustBuildingCalculator {
  /** The index from which the band is DEVELOPING rather than AT_RISK. */
  public static final double DEVELOPING_FROM = 40;

  /** The index from which the band is STRONG. */
  public static final double STRONG_FROM = 70;

  private final TrustSettings settings;

  public TrustBuildingCalculator(TrustSettings settings) {
    this.settings = settings;
  }

  /** The window a profile as of {@code asOf} looks at: its first counted day. */
  public LocalDate windowStart(LocalDate asOf, Integer windowDaysOrNull) {
    return asOf.minusDays(windowDays(windowDaysOrNull) - 1L);
  }

  public int windowDays(Integer windowDaysOrNull) {
    return windowDaysOrNull != null ? windowDaysOrNull : settings.windowDays();
  }

  /** Trust building from facts folded as of {@code asOf}, whose activity covers the window. */
  public TrustBuildingProfile calculate(
      PartnershipFacts facts, LocalDate asOf, Integer windowDaysOrNull) {
    int windowDays = windowDays(windowDaysOrNull);
    List<PracticeScore> scores = new TrustFormulas(facts, asOf, windowDays, settings).all();
    Double index = index(scores);
    List<OrganisationProfile> organisations =
        facts.partners().values().stream()
            .filter(p -> p.sector().isPublicSector())
            .map(
                p -> {
                  List<PracticeScore> own =
                      new TrustFormulas(
                              facts.seenBy(p.organisationId()), asOf, windowDays, settings)
                          .all();
                  Double ownIndex = index(own);
                  return new OrganisationProfile(
                      p.organisationId(),
                      p.name(),
                      p.sector().name(),
                      own,
                      ownIndex,
                      band(ownIndex),
                      perceived(own),
                      recommendations(own));
                })
            .toList();
    return new TrustBuildingProfile(
        facts.partnershipId(),
        asOf,
        windowStart(asOf, windowDays),
        windowDays,
        scores,
        index,
        band(index),
        perceived(scores),
        recommendations(scores),
        organisations);
  }

  static Double index(List<PracticeScore> scores) {
    double weighted = 0;
    double weights = 0;
    for (PracticeScore score : scores) {
      if (score.score() != null && score.weight() > 0) {
        weighted += score.weight() * score.score();
        weights += score.weight();
      }
    }
    return weights == 0 ? null : Math.round(1000 * weighted / weights) / 10.0;
  }

  static Band band(Double index) {
    if (index == null) {
      return null;
    }
    return index < DEVELOPING_FROM
        ? Band.AT_RISK
        : index < STRONG_FROM ? Band.DEVELOPING : Band.STRONG;
  }

  private static Double perceived(List<PracticeScore> scores) {
    return scores.stream()
        .filter(s -> s.practice() == Practice.PERCEIVED_TRUST)
        .findFirst()
        .map(PracticeScore::score)
        .orElse(null);
  }

  /**
   * Each score at or below 0.5 names its practice, what was seen, and the strategy from the
   * research: half-way is not yet good.
   */
  static List<Recommendation> recommendations(List<PracticeScore> scores) {
    return scores.stream()
        .filter(s -> s.score() != null && s.score() <= 0.5)
        .map(
            s ->
                new Recommendation(
                    s.practice(),
                    s.code(),
                    "%s: %s (%s)"
                        .formatted(
                            s.explanation().replaceAll("\\.$", ""),
                            s.practice().strategy(),
                            s.code())))
        .toList();
  }
}
