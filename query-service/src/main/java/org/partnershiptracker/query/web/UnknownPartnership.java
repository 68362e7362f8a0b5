package org.partnershiptracker.query.web;

/** A partnership the read side does not know: a 404. */
public class UnknownPartnership extends RuntimeException {
  public UnknownPartnership(String partnershipId) {
    super("no partnership with id '" + partnershipId + "' has reached the read side");
  }
}
