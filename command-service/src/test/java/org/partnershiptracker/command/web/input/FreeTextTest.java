package org.partnershiptracker.command.web.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What free text a person may write into the history, and what is refused as personal data. */
class FreeTextTest {
  private final Map<String, Pattern> personalData =
      new InputProperties(null, 1, null, null).personalDataPatterns();

  private Optional<String> personalDataIn(String text) {
    String folded = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
    return personalData.entrySet().stream()
        .filter(kind -> kind.getValue().matcher(folded).find())
        .map(Map.Entry::getKey)
        .findFirst();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ask jane.doe@council.gov.uk",
        "jane @ example.org",
        "jane＠example.org",
        "Call 020 7946 0958",
        "Call (020) 7946 0958",
        "Call +44 7700 900123",
        "Call +44 (0)20 7946 0958",
        "Call 0044 7700 900123",
        "Call 07700900123",
        "Referral of 943 476 5919",
        "Referral of 9434765919"
      })
  void personalDataIsFound(String text) {
    assertThat(personalDataIn(text)).as(text).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Faster referrals for 120 families",
        "Quarterly steering group 2025",
        "Model v2.1 in use by 3 teams",
        "Saved £1,200.50 a month"
      })
  void ordinaryTextIsNotPersonalData(String text) {
    assertThat(personalDataIn(text)).as(text).isEmpty();
  }

  @Test
  void aLongRunWithoutAnAddressIsScannedWithoutRunningOutOfStack() {
    String text = "x@a" + ".a".repeat(100_000);
    assertThat(personalDataIn(text)).contains("e-mail-address");
    assertThat(personalDataIn("a".repeat(1_000_000))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u200B\u200B", // zero-width spaces
        "\u3164", // Hangul filler
        "\u2800", // blank braille cell
        "\u0301", // a combining accent on nothing
        "\uDB40\uDC41\uDB40\uDC42", // tag characters: hidden text
        "abc\u0000", // NUL
        "abc\u001B", // ESC
        "abc \u202Eevil", // right-to-left override
        "abc \uD800 def" // a lone surrogate
      })
  void invisibleOrBrokenTextIsRefused(String text) {
    assertThat(FreeText.Check.unfit(text)).as(text).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Café", "Ārtificial intelligence 🚀", "Line one\nline two\tend", "数据"})
  void textPeopleWriteIsAccepted(String text) {
    assertThat(FreeText.Check.unfit(text)).as(text).isNull();
  }
}
