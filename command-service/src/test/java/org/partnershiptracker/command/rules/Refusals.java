package org.partnershiptracker.command.rules;

import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

import static org.assertj.core.api.Assertions.assertThat;

/** For fixture specifications: the command was refused for this rule, and nothing was recorded. */
public final class Refusals {
  private Refusals() {}

  public static <T> void refusedFor(ResultValidator<T> result, Rule rule) {
    Rule[] seen = new Rule[1];
    result.expectNoEvents().expectException(new BaseMatcher<Object>() {
      @Override
      public boolean matches(Object actual) {
        if (actual instanceof RuleViolation violation) {
          seen[0] = violation.rule();
          return true;
        }
        return false;
      }

      @Override
      public void describeTo(Description description) {
        description.appendText("a rule violation");
      }
    });
    assertThat(seen[0]).isEqualTo(rule);
  }
}
