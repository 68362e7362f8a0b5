package org.partnershiptracker.infra.issuer;

import java.util.List;
import java.util.Optional;

/**
 * Who the local issuer knows: the demo partnership's people (they sign in on the login page) and
 * its machine clients (client-credentials grant). Each carries the organisation id and roles that
 * the issuer puts into its tokens as the {@code org} and {@code roles} claims. Plain Java, so that
 * the demo loader and tests can name them without Spring.
 */
public final class DemoIdentities {
  private DemoIdentities() {}

  public static final String NORTH = "north-council";
  public static final String SOUTH = "south-council";
  public static final String UNI = "shire-university";

  public static final String RECORDER = "recorder";
  public static final String ANALYST = "analyst";
  public static final String ADMIN = "admin";

  /** The query-service pages' client: authorization code with PKCE, public (no secret). */
  public static final String QUERY_PAGES_CLIENT = "query-pages";

  /** The registration id the query-service uses; its callback is {@code /login/oauth2/code/...}. */
  public static final String QUERY_PAGES_REGISTRATION = "tracker";

  /** A user name or client id with the organisation and roles its tokens carry. */
  public record Identity(String name, String org, List<String> roles) {
    public Identity {
      roles = List.copyOf(roles);
    }
  }

  /** People who sign in on the login page (their passwords are generated, see credentials). */
  public static final List<Identity> USERS =
      List.of(
          new Identity("north-analyst", NORTH, List.of(ANALYST)),
          new Identity("south-analyst", SOUTH, List.of(ANALYST)),
          new Identity("uni-recorder", UNI, List.of(RECORDER, ANALYST)),
          new Identity("admin", UNI, List.of(ADMIN, ANALYST)));

  /** Machine clients (client-credentials grant; their secrets are generated). */
  public static final List<Identity> CLIENTS =
      List.of(
          new Identity("demo-admin", UNI, List.of(ADMIN)),
          new Identity("uni-recorder-system", UNI, List.of(RECORDER)),
          new Identity("north-council-system", NORTH, List.of(RECORDER)),
          new Identity("south-council-system", SOUTH, List.of(RECORDER)),
          new Identity("calendar-system", NORTH, List.of(RECORDER)),
          // Read-only and role-less callers, for the access-matrix test's "wrong role" column.
          new Identity("north-analyst-system", NORTH, List.of(ANALYST)),
          new Identity("north-no-role-system", NORTH, List.of()));

  public static Optional<Identity> user(String name) {
    return USERS.stream().filter(u -> u.name().equals(name)).findFirst();
  }

  public static Optional<Identity> client(String clientId) {
    return CLIENTS.stream().filter(c -> c.name().equals(clientId)).findFirst();
  }
}
