package org.partnershiptracker.command.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's rule table is what callers read: it must list exactly the rules, in order. */
class RuleTableTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\| (.+) \\|$");

  @Test
  void theReadmeListsEveryRuleWithItsCodeAndStatement() throws IOException {
    List<String> documented = rulesTable(Files.readAllLines(README));
    List<String> enforced =
        Arrays.stream(Rule.values()).map(rule -> rule.code() + " | " + rule.statement()).toList();

    assertThat(documented).containsExactlyElementsOf(enforced);
  }

  private static List<String> rulesTable(List<String> readme) {
    int heading = readme.indexOf("### Rules the aggregates enforce (409, `rule`)");
    assertThat(heading).as("the README's rule table heading").isNotNegative();
    return readme.subList(heading + 1, readme.size()).stream()
        .dropWhile(line -> !line.startsWith("|"))
        .takeWhile(line -> line.startsWith("|"))
        .map(ROW::matcher)
        .filter(Matcher::matches)
        .map(row -> row.group(1) + " | " + row.group(2))
        .toList();
  }
}
