package org.partnershiptracker.query.web;

/** A query parameter that cannot be answered: a 400 naming it. */
public class BadQuery extends RuntimeException {
  final String parameter;
  final String reason;

  public BadQuery(String parameter, String reason) {
    super(parameter + ": " + reason);
    this.parameter = parameter;
    this.reason = reason;
  }
}
