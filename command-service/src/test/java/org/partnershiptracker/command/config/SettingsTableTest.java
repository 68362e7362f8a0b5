package org.partnershiptracker.command.config;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.infra.docs.ReadmeTables;

/**
 * Every {@code tracker.*} setting is a {@code @ConfigurationProperties} record, so the build writes
 * its metadata; the README's settings table must list exactly those settings.
 */
class SettingsTableTest {
  @Test
  void theReadmeDocumentsEverySettingTheServiceReads() throws IOException {
    ReadmeTables.requireSettingsTableInStep(
        "## Configuration (`command-service/src/main/resources/application.properties`)");
  }
}
