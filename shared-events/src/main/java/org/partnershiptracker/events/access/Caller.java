package org.partnershiptracker.events.access;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sent a request, as its token says: the subject (a person or a client), the organisation it
 * acts for (claim {@value #ORGANISATION_CLAIM}) and its roles (claim {@value #ROLES_CLAIM}). The
 * token contract of both services and of any issuer that serves them (README "Security").
 */
public record Caller(String subject, String organisationId, Set<Role> roles) {
  public static final String ORGANISATION_CLAIM = "org";
  public static final String ROLES_CLAIM = "roles";

  /** What a caller may do; the token names them in lower case. */
  public enum Role {
    /** Records activity for its organisation's partnerships. */
    RECORDER,
    /** Reads the partnerships of its organisation: history, read models, reports. */
    ANALYST,
    /**
     * Forms partnerships, adds partners, erases people, sees operational detail; any partnership.
     */
    ADMIN;

    /** The name in the token's {@code roles} claim, e.g. {@code recorder}. */
    public String claim() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority, e.g. {@code ROLE_recorder}. */
    public String authority() {
      return "ROLE_" + claim();
    }
  }

  /** The caller a token's claims describe. */
  public static Caller of(String subject, Map<String, Object> claims) {
    Object organisation = claims.get(ORGANISATION_CLAIM);
    return new Caller(
        subject,
        organisation instanceof String text && !text.isBlank() ? text : null,
        rolesIn(claims.get(ROLES_CLAIM)));
  }

  /**
   * The roles a claim names (a list, or one space-separated string), ignoring names the services do
   * not know.
   */
  public static Set<Role> rolesIn(Object claim) {
    Collection<?> names =
        claim instanceof Collection<?> list
            ? list
            : claim instanceof String text ? List.of(text.split(" ")) : List.of();
    return names.stream()
        .map(String::valueOf)
        .flatMap(name -> Arrays.stream(Role.values()).filter(role -> role.claim().equals(name)))
        .collect(Collectors.toUnmodifiableSet());
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Whether this caller acts for {@code organisationId}. */
  public boolean actsFor(String organisationId) {
    return this.organisationId != null && this.organisationId.equals(organisationId);
  }
}
