package org.partnershiptracker.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.partnershiptracker.command.rules.NotFound;
import org.partnershiptracker.command.rules.Rule;
import org.partnershiptracker.command.rules.RuleViolation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error as RFC 9457 problem+json: 400 names the wrong field, 404 the missing thing, 409 the
 * rule a refused command broke.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {
  static final String PROBLEM_BASE = "https://partnership-tracker.org/problems/";

  @ExceptionHandler(RuleViolation.class)
  ProblemDetail refused(RuleViolation violation) {
    return ruleProblem(violation.rule(), violation.getMessage());
  }

  @ExceptionHandler({NotFound.class, AggregateNotFoundException.class})
  ProblemDetail notFound(RuntimeException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, notFoundDetail(e));
    problem.setType(URI.create(PROBLEM_BASE + "not-found"));
    problem.setTitle("Not found");
    return problem;
  }

  /** The event store refused a second event at the same position: the id is taken, or a
   * concurrent write won the race. */
  @ExceptionHandler({AggregateStreamCreationException.class, ConcurrencyException.class})
  ProblemDetail conflict(RuntimeException e) {
    if (e instanceof AggregateStreamCreationException) {
      return ruleProblem(Rule.ID_ALREADY_USED, "that id is already in use");
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT, "another change to the same partnership or project won the race; retry");
    problem.setType(URI.create(PROBLEM_BASE + "concurrent-modification"));
    problem.setTitle("Concurrent modification");
    return problem;
  }

  /** Value types and events validate themselves; what gets past Bean Validation lands here. */
  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail invalid(IllegalArgumentException e) {
    return badRequest(e.getMessage(), List.of());
  }

  /** The database cannot be reached: 503 with Retry-After, not a 500 after a long wait. Anything else is rethrown. */
  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<Object> unavailable(RuntimeException e) {
    if (DatabaseUnavailable.causedBy(e)) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
          .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(DatabaseUnavailable.problem());
    }
    throw e;
  }

  @ExceptionHandler(CommandExecutionException.class)
  ResponseEntity<Object> wrapped(CommandExecutionException e, WebRequest request) throws Exception {
    if (DatabaseUnavailable.causedBy(e)) {
      return unavailable(e);
    }
    Throwable cause = e.getCause();
    if (cause instanceof RuleViolation violation) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(refused(violation));
    }
    if (cause instanceof NotFound || cause instanceof AggregateNotFoundException) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound((RuntimeException) cause));
    }
    if (cause instanceof IllegalArgumentException invalid) {
      return ResponseEntity.badRequest().body(invalid(invalid));
    }
    throw e;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      @NonNull MethodArgumentNotValidException e,
      @NonNull HttpHeaders headers,
      @NonNull HttpStatusCode status,
      @NonNull WebRequest request) {
    List<Map<String, String>> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
            .toList();
    String detail =
        errors.stream()
            .map(error -> error.get("field") + ": " + error.get("message"))
            .sorted()
            .collect(Collectors.joining("; "));
    return ResponseEntity.badRequest().body(badRequest(detail, errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      @NonNull HttpMessageNotReadableException e,
      @NonNull HttpHeaders headers,
      @NonNull HttpStatusCode status,
      @NonNull WebRequest request) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      String message =
          mapping instanceof InvalidFormatException format
              ? "cannot read '" + format.getValue() + "' as " + format.getTargetType().getSimpleName()
                  + enumValues(format.getTargetType())
              : rootMessage(mapping);
      return ResponseEntity.badRequest()
          .body(badRequest(field + ": " + message, List.of(Map.of("field", field, "message", message))));
    }
    return ResponseEntity.badRequest().body(badRequest("the request body is not valid JSON", List.of()));
  }

  private static String enumValues(Class<?> type) {
    if (!type.isEnum()) {
      return "";
    }
    return " (one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")";
  }

  private static String rootMessage(JsonMappingException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
  }

  private static String notFoundDetail(RuntimeException e) {
    if (e instanceof AggregateNotFoundException missing) {
      return "nothing is recorded under id '" + missing.getAggregateIdentifier() + "'";
    }
    return e.getMessage();
  }

  static ProblemDetail ruleProblem(Rule rule, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    problem.setType(URI.create(PROBLEM_BASE + "rule/" + rule.code()));
    problem.setTitle("Refused: " + rule.statement());
    problem.setProperty("rule", rule.code());
    return problem;
  }

  static ProblemDetail badRequest(String detail, List<Map<String, String>> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setType(URI.create(PROBLEM_BASE + "invalid-request"));
    problem.setTitle("Invalid request");
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return problem;
  }
}
