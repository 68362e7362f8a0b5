package org.partnershiptracker.command.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;

/**
 * An endpoint that takes a body larger than {@link RequestSizeLimit#MAX_BYTES} (a CSV import) says
 * so here: {@link RequestSizeLimit} asks every such bean before it refuses a body.
 */
public interface LargerBodies {
  /** The most bytes this request's body may have, if this endpoint allows more than the default. */
  OptionalLong maxBytes(HttpServletRequest request);
}
