package org.partnershiptracker.command.people.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The people register ({@code tracker.people.*}).
 *
 * @param registeredOnly roles are designated and reassigned only to registered people; false for
 *     deployments whose systems bring their own pseudonymous ids
 */
@ConfigurationProperties("tracker.people")
public record PeopleProperties(@DefaultValue("true") boolean registeredOnly) {}
