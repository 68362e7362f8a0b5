package org.partnershiptracker.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

/** With nothing set, the settings records keep the defaults the @Value placeholders had. */
class SettingsDefaultsTest {
  private final Binder binder = Binder.get(new StandardEnvironment());

  @Test
  void mongoDefaultsToTheEmbeddedServerAndTheTrackerDatabase() {
    MongoConnectionProperties mongo =
        binder.bindOrCreate("spring.data.mongodb", Bindable.of(MongoConnectionProperties.class));
    EmbeddedMongoProperties embedded =
        binder.bindOrCreate("tracker.embedded-mongo", Bindable.of(EmbeddedMongoProperties.class));

    assertThat(mongo.uri()).isEmpty();
    assertThat(mongo.database()).isEqualTo("partnership_tracker");
    assertThat(embedded.port()).isZero();
    assertThat(embedded.dataDir()).isNull();
  }

  @Test
  void gaugesDefaultToAHundredPartnershipsEveryMinute() {
    MetricsProperties metrics =
        binder.bindOrCreate("tracker.metrics", Bindable.of(MetricsProperties.class));

    assertThat(metrics.maxPartnerships()).isEqualTo(100);
    assertThat(metrics.refresh()).isEqualTo(Duration.ofSeconds(60));
  }
}
