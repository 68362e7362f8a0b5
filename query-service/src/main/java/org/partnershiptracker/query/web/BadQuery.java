package org.partnershiptracker.query.web;

/** A query parameter that cannot be answered: a 400 naming it. */
class BadQuery extends RuntimeException {
  final String parameter;
  final String reason;

  BadQuery(String parameter, String reason) {
    super(parameter + ": " + reason);
    this.parameter = parameter;
    this.reason = reason;
  }
}
