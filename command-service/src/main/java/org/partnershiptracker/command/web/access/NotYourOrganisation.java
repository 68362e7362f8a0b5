package org.partnershiptracker.command.web.access;

/**
 * A command that names another organisation than the caller's where an organisation acts only for
 * itself: a 403 naming the field.
 */
public class NotYourOrganisation extends RuntimeException {
  private final String field;

  public NotYourOrganisation(String field, String detail) {
    super(detail);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
