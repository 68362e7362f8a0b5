package org.partnershiptracker.command.rules;

/** The command names something that does not exist where the caller looked (HTTP 404). */
public class NotFound extends RuntimeException {
  public NotFound(String detail) {
    super(detail);
  }
}
