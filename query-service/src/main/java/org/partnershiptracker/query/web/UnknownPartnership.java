package org.partnershiptracker.query.web;

/** A partnership the read side does not know: a 404. */
class UnknownPartnership extends RuntimeException {
  UnknownPartnership(String partnershipId) {
    super("no partnership with id '" + partnershipId + "' has reached the read side");
  }
}
