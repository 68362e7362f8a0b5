package org.partnershiptracker.command.rules;

import static org.hamcrest.Matchers.equalTo;

import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

/** For fixture specifications: the command was refused for this rule, and nothing was recorded. */
public final class Refusals {
  private Refusals() {}

  public static void refused(ResultValidator<?> result, Rule rule) {
    result.expectNoEvents().expectException(violationOf(rule));
  }

  public static Matcher<RuleViolation> violationOf(Rule rule) {
    return new FeatureMatcher<>(equalTo(rule), "a RuleViolation of rule", "rule") {
      @Override
      protected Rule featureValueOf(RuleViolation violation) {
        return violation.rule();
      }
    };
  }
}
