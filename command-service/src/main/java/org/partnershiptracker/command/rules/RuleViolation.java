package org.partnershiptracker.command.rules;

/** A command an aggregate refuses: nothing is recorded, and the caller is told which rule. */
public class RuleViolation extends RuntimeException {
  private final Rule rule;

  public RuleViolation(Rule rule, String detail) {
    super(detail);
    this.rule = rule;
  }

  public Rule rule() {
    return rule;
  }

  /** Refuses with {@code rule} unless {@code condition} holds. */
  public static void check(boolean condition, Rule rule, String detail) {
    if (!condition) {
      throw new RuleViolation(rule, detail);
    }
  }
}
