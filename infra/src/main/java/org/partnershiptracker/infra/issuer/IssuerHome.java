package org.partnershiptracker.infra.issuer;

import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the login page lands when no application sent the browser: who is signed in. */
@RestController
class IssuerHome {
  private final IssuerProperties properties;

  IssuerHome(IssuerProperties properties) {
    this.properties = properties;
  }

  @GetMapping(value = "/", produces = MediaType.TEXT_PLAIN_VALUE)
  String home(Principal principal) {
    String who =
        DemoIdentities.user(principal.getName())
            .map(u -> u.name() + " (org " + u.org() + ", roles " + u.roles() + ")")
            .orElse(principal.getName());
    return "The partnership tracker's local OpenID Connect issuer.\nSigned in as "
        + who
        + ".\nDiscovery: "
        + properties.issuerUrl()
        + "/.well-known/openid-configuration\nThe portfolio pages: "
        + properties.queryPagesHome()
        + "\n";
  }
}
