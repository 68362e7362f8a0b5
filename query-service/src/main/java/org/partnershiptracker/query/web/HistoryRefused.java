package org.partnershiptracker.query.web;

import org.springframework.http.HttpStatusCode;

/**
 * The command-service refused the caller's history request (401, 403 or 404): the query-service
 * answers the same status, so that relaying never reveals more than the caller may read there.
 */
public class HistoryRefused extends RuntimeException {
  private final HttpStatusCode status;

  public HistoryRefused(HttpStatusCode status, String detail) {
    super(detail);
    this.status = status;
  }

  public HttpStatusCode status() {
    return status;
  }
}
