package org.partnershiptracker.command.rules;

import static org.hamcrest.Matchers.equalTo;

import java.util.stream.Stream;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Named;

/** For fixture specifications: the command was refused for this rule, and nothing was recorded. */
public final class Refusals {
  private Refusals() {}

  public static void refused(ResultValidator<?> result, Rule rule) {
    result.expectNoEvents().expectException(violationOf(rule));
  }

  /** Commands for a parameterised refusal test, each named by its type. */
  public static Stream<Named<Object>> byType(Object... commands) {
    return Stream.of(commands)
        .map(command -> Named.of(command.getClass().getSimpleName(), command));
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
