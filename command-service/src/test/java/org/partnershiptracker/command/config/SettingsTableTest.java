package org.partnershiptracker.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.infra.docs.ReadmeTables;

/**
 * Every {@code tracker.*} setting is a {@code @ConfigurationProperties} record, so the build writes
 * its metadata; the README's settings table must list exactly those settings.
 */
class SettingsTableTest {
  @Test
  void theReadmeDocumentsEverySettingTheServiceReads() throws IOException {
    assertThat(
            ReadmeTables.settingsAfter(
                Path.of("..", "README.md"),
                "## Configuration (`command-service/src/main/resources/application.properties`)"))
        .isEqualTo(ReadmeTables.declaredSettings(Path.of(".")));
  }
}
