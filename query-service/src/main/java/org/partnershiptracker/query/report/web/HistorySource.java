package org.partnershiptracker.query.report.web;

import com.fasterxml.jackson.databind.JsonNode;

/** Where the history page reads a partnership's recorded events: the command-service's history. */
public interface HistorySource {
  /**
   * The entries of {@code GET /api/partnerships/{id}/history}, read on behalf of the current
   * caller.
   *
   * @throws org.partnershiptracker.query.web.HistoryRefused when the command-service refuses (401,
   *     403, 404: the same status) or cannot be reached (502)
   */
  JsonNode history(String partnershipId);
}
