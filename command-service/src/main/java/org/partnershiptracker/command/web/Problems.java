package org.partnershiptracker.command.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.partnershiptracker.command.rules.NotFound;
import org.partnershiptracker.command.rules.Rule;
import org.partnershiptracker.command.rules.RuleViolation;
import org.partnershiptracker.command.web.access.NotYourOrganisation;
import org.partnershiptracker.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one mapping from what happened to a command to what its caller reads: an RFC 9457 problem
 * with a status, a type under {@link ProblemTypes#BASE}, and the reason counted in metrics. HTTP
 * answers, the idempotency filter and the command metrics all go through here.
 */
public final class Problems {

  private Problems() {}

  /** A command that did not succeed, as its caller and the metrics see it. */
  public record Outcome(HttpStatus status, String reason, ProblemDetail problem) {
    /**
     * A passing failure: the database unreachable, or another change to the same partnership or
     * project stored first (an instance's cached copy was behind). The same command may succeed
     * when retried.
     */
    public boolean retryable() {
      return status == HttpStatus.SERVICE_UNAVAILABLE || CONCURRENT_MODIFICATION.equals(reason);
    }
  }

  private static final String CONCURRENT_MODIFICATION = "concurrent-modification";

  /**
   * What a failure means, unwrapping Axon's {@link CommandExecutionException}; empty for a failure
   * that is not the caller's doing nor a known transient one (an error: 500).
   */
  public static Optional<Outcome> outcomeOf(Throwable failure) {
    if (DatabaseUnavailable.causedBy(failure)) {
      return Optional.of(new Outcome(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", unavailable()));
    }
    Throwable e =
        failure instanceof CommandExecutionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (e instanceof NotYourOrganisation refused) {
      ProblemDetail problem =
          problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", refused.getMessage());
      problem.setProperty(
          "errors", List.of(Map.of("field", refused.field(), "message", refused.getMessage())));
      return Optional.of(new Outcome(HttpStatus.FORBIDDEN, "forbidden", problem));
    }
    if (e instanceof RuleViolation violation) {
      return Optional.of(refused(violation.rule(), violation.getMessage()));
    }
    if (e instanceof AggregateStreamCreationException) {
      // The event store refused a second stream under the same id.
      return Optional.of(refused(Rule.ID_ALREADY_USED, "that id is already in use"));
    }
    if (e instanceof ConcurrencyException) {
      return Optional.of(
          new Outcome(
              HttpStatus.CONFLICT,
              CONCURRENT_MODIFICATION,
              problem(
                  HttpStatus.CONFLICT,
                  CONCURRENT_MODIFICATION,
                  "Concurrent modification",
                  "another change to the same partnership or project won the race; retry")));
    }
    if (e instanceof NotFound || e instanceof AggregateNotFoundException) {
      String detail =
          e instanceof AggregateNotFoundException missing
              ? "nothing is recorded under id '" + missing.getAggregateIdentifier() + "'"
              : e.getMessage();
      return Optional.of(
          new Outcome(
              HttpStatus.NOT_FOUND,
              "not-found",
              problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail)));
    }
    if (e instanceof IllegalArgumentException) {
      // Value types and events validate themselves; what gets past the request types lands here.
      return Optional.of(
          new Outcome(HttpStatus.BAD_REQUEST, "invalid", badRequest(e.getMessage(), List.of())));
    }
    return Optional.empty();
  }

  private static Outcome refused(Rule rule, String detail) {
    ProblemDetail problem =
        problem(HttpStatus.CONFLICT, "rule/" + rule.code(), "Refused: " + rule.statement(), detail);
    problem.setProperty("rule", rule.code());
    return new Outcome(HttpStatus.CONFLICT, rule.code(), problem);
  }

  /** 400: {@code errors} lists each wrong field as {@code {field, message}}. */
  public static ProblemDetail badRequest(String detail, List<Map<String, String>> errors) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return problem;
  }

  /** 503: sent with a Retry-After of {@link DatabaseUnavailable#RETRY_AFTER_SECONDS}. */
  public static ProblemDetail unavailable() {
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "unavailable",
        "Service unavailable",
        "the event store cannot be reached; nothing was recorded; retry in "
            + DatabaseUnavailable.RETRY_AFTER_SECONDS
            + " s");
  }

  public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    return ProblemTypes.problem(status, type, title, detail);
  }

  /**
   * Gives a problem Spring built a type (if it had none) and {@code errors[]} naming what was wrong
   * with the request.
   */
  public static ProblemDetail describe(ProblemDetail problem, String field) {
    return ProblemTypes.describe(problem, field);
  }

  /** The part of the request a refusal by Spring MVC is about. */
  public static String fieldOf(Exception e) {
    if (e instanceof org.springframework.web.HttpRequestMethodNotSupportedException) {
      return "method";
    }
    if (e instanceof org.springframework.web.HttpMediaTypeNotSupportedException) {
      return "Content-Type";
    }
    if (e instanceof org.springframework.web.HttpMediaTypeNotAcceptableException) {
      return "Accept";
    }
    if (e instanceof org.springframework.web.bind.MissingServletRequestParameterException missing) {
      return missing.getParameterName();
    }
    if (e instanceof org.springframework.web.bind.MissingRequestHeaderException missing) {
      return missing.getHeaderName();
    }
    if (e instanceof org.springframework.web.servlet.resource.NoResourceFoundException) {
      return "path";
    }
    return "request";
  }
}
