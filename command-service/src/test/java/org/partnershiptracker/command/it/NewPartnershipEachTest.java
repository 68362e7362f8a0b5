package org.partnershiptracker.command.it;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An IT of the service on its random port ({@link CommandServiceOverHttp}) whose every test starts
 * with a new partnership of three partners, {@link #partnership}, and a client, {@link #api}.
 */
abstract class NewPartnershipEachTest {
  @LocalServerPort int port;
  CommandApi api;
  String partnership;

  @BeforeEach
  void newPartnership() {
    api = new CommandApi(port);
    partnership = "p-" + UUID.randomUUID();
    api.formPartnershipWithPartners(partnership);
  }
}
