package org.partnershiptracker.query.trust.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A profile's figures alone: the index, each practice's score and each partner's index, without
 * evidence, events, explanations or advice. Trends keep one per partnership and month in memory,
 * and a whole profile there cost ~25 KB (a 100,000-event portfolio's trends filled a 512 MiB heap).
 */
public record TrustFigures(Double index, Map<Practice, Double> scores, List<Partner> partners) {

  /** One partner's index as of the same day, with the name it had then. */
  public record Partner(String organisationId, String organisationName, Double index) {}

  public TrustFigures {
    scores = scores.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(scores));
    partners = List.copyOf(partners);
  }

  public static TrustFigures of(TrustBuildingProfile profile) {
    Map<Practice, Double> scores = new EnumMap<>(Practice.class);
    profile.scores().forEach(s -> scores.put(s.practice(), s.score()));
    return new TrustFigures(
        profile.index(),
        scores,
        profile.organisations().stream()
            .map(o -> new Partner(o.organisationId(), o.organisationName(), o.index()))
            .toList());
  }

  /** The practice's score, or null when there was nothing to judge it on. */
  public Double score(Practice practice) {
    return scores.get(practice);
  }

  /** The partner's index, or null when it was not a partner or had nothing to judge. */
  public Double partnerIndex(String organisationId) {
    return partners.stream()
        .filter(p -> p.organisationId().equals(organisationId))
        .findFirst()
        .map(Partner::index)
        .orElse(null);
  }
}
