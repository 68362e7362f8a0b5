package org.partnershiptracker.query.trust.model;

/**
 * The practices of the research (DESIGN.md section 1) the tracker scores, with the strategy to
 * apply.
 */
public enum Practice {
  L1_DATA_SHARING_FIRST(
      "L1",
      "agree and sign data sharing agreements with every data provider before a project starts,"
          + " co-writing them"),
  L2_ROLE_CLARITY(
      "L2",
      "designate a boundary spanner and a point of contact in every partner, and keep them through"
          + " restructures"),
  L3_BOTTOM_UP_ENGAGEMENT(
      "L3", "meet analysts, frontline staff and middle managers, not only leaders"),
  L4_SHOWCASING("L4", "showcase the academics' work to council analysts"),
  L5_REGULAR_CONTACT("L5", "hold regular on-site work days and avoid long gaps between meetings"),
  I2_EARLY_WINS("I2", "start small and show evidence of success through quick wins"),
  I1_DATA_OWNERS("I1", "engage the owners of the data early, in sessions of their own"),
  I3_EDUCATION_AND_PROTOCOLS(
      "I3", "hold educational events and agree the protocols for using the data together"),
  I4_CITIZEN_PARTICIPATION(
      "I4", "involve citizens in deciding which questions the data should answer"),
  SOCIAL_COHESION(
      "T1", "facilitate social interaction and hold an open exploration stage to align objectives"),
  PERCEIVED_TRUST("T3", "ask partners how much they trust each other, and act on low answers");

  private final String code;
  private final String strategy;

  Practice(String code, String strategy) {
    this.code = code;
    this.strategy = strategy;
  }

  public String code() {
    return code;
  }

  public String strategy() {
    return strategy;
  }
}
