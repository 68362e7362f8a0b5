package org.partnershiptracker.command.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.partnershiptracker.command.CommandServiceApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The command-service on a random port with a real embedded PostgreSQL and publication off,
 * trusting the test JVM's token issuer; each test class names its own data directory (and any other
 * setting) with {@code TestPropertySource}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = CommandServiceApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tracker.publication.enabled=false")
@ContextConfiguration(initializers = TrustTokenMint.class)
@interface CommandServiceOverHttp {}
