package org.partnershiptracker.command.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.infra.docs.ReadmeTables;

/** The README's rule table is what callers read: it must list exactly the rules, in order. */
class RuleTableTest {
  @Test
  void theReadmeListsEveryRuleWithItsCodeAndStatement() throws IOException {
    List<String> documented =
        ReadmeTables.rowsAfter(
            Path.of("..", "README.md"), "### Rules the aggregates enforce (409, `rule`)");
    List<String> enforced =
        Arrays.stream(Rule.values())
            .map(rule -> "| `" + rule.code() + "` | " + rule.statement() + " |")
            .toList();

    assertThat(documented).containsExactlyElementsOf(enforced);
  }
}
