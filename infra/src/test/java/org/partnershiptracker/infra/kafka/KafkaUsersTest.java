package org.partnershiptracker.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.junit.jupiter.api.Test;
import org.partnershiptracker.infra.kafka.KafkaUsers.Credentials;

/**
 * Which council systems the inbox can have, and what each may touch (the broker: KafkaAccessIT).
 */
class KafkaUsersTest {
  private static final KafkaUsers SERVICES =
      new KafkaUsers(
          new Credentials("admin", "a"),
          new Credentials("command-service", "c"),
          new Credentials("query-service", "q"),
          "partnership.events",
          "query-service-read-models");

  @Test
  void aCouncilSystemGetsItsOwnOrganisationsTopicsByLiteralNameOnly() {
    KafkaUsers users = SERVICES.withCouncilSystem("north-council", credentials("north-system"));
    List<AclBinding> north =
        users.acls().stream()
            .filter(acl -> acl.entry().principal().equals("User:north-system"))
            .toList();
    assertThat(north)
        .filteredOn(acl -> acl.pattern().resourceType().name().equals("TOPIC"))
        .allSatisfy(acl -> assertThat(acl.pattern().patternType()).isEqualTo(PatternType.LITERAL))
        .extracting(acl -> acl.pattern().name() + " " + acl.entry().operation())
        .containsExactlyInAnyOrder(
            "partnership.activity.inbox.north-council " + AclOperation.WRITE,
            "partnership.activity.inbox.north-council " + AclOperation.DESCRIBE,
            "partnership.activity.outcomes.north-council " + AclOperation.READ,
            "partnership.activity.outcomes.north-council " + AclOperation.DESCRIBE);
  }

  @Test
  void anOrganisationThatCannotNameATopicOrWouldBeTheDeadLetterTopicIsRefused() {
    assertThatThrownBy(() -> SERVICES.withCouncilSystem("urn:north", credentials("n")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SERVICES.withCouncilSystem("dlt", credentials("n")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCouncilSystemsNameMayNotBeginAnotherUsersOrGroupsName() {
    KafkaUsers north = SERVICES.withCouncilSystem("north-council", credentials("north"));
    assertThatThrownBy(() -> north.withCouncilSystem("south-council", credentials("north-2")))
        .as("north's groups (north*) would include north-2's")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SERVICES.withCouncilSystem("north-council", credentials("query")))
        .as("its groups would include the query-service's")
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Credentials credentials(String name) {
    return new Credentials(name, "secret");
  }
}
