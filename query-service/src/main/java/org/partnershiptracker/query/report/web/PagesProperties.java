package org.partnershiptracker.query.report.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The analysts' pages ({@code tracker.pages.*}).
 *
 * @param commandServiceUrl where the command-service answers: the history page reads a
 *     partnership's history there, with the caller's own access token
 */
@ConfigurationProperties("tracker.pages")
public record PagesProperties(@DefaultValue("http://localhost:8081") String commandServiceUrl) {}
