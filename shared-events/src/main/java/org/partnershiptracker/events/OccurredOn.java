package org.partnershiptracker.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one date component of an event that says on which day the fact happened (a meeting's
 * {@code heldOn}, a signature's {@code signedOn}); {@link PartnershipEvent#occurredOn()} returns
 * it. Every event type has exactly one ({@code EventContractTest} checks).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface OccurredOn {}
