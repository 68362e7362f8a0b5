package org.partnershiptracker.query.report.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The analysts' pages ({@code tracker.pages.*}).
 *
 * @param commandServiceUrl where the command-service answers: the partnership page links each
 *     interaction to its entry in that service's history
 */
@ConfigurationProperties("tracker.pages")
public record PagesProperties(@DefaultValue("http://localhost:8081") String commandServiceUrl) {}
