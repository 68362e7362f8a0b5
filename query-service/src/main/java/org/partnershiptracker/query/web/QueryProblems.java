package org.partnershiptracker.query.web;

import jakarta.servlet.ServletException;
import java.util.List;
import java.util.Map;
import org.partnershiptracker.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Query errors as RFC 9457 problem+json: 400 names the parameter, 404 the partnership. */
@RestControllerAdvice
@org.springframework.core.annotation.Order(
    org.springframework.core.Ordered
        .HIGHEST_PRECEDENCE) // before Spring's own problem handler, so every 400 has errors[]
public class QueryProblems {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(QueryProblems.class);

  @ExceptionHandler(UnknownPartnership.class)
  ProblemDetail unknown(UnknownPartnership e) {
    return ProblemTypes.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
  }

  @ExceptionHandler(HistoryRefused.class)
  ResponseEntity<ProblemDetail> historyRefused(HistoryRefused e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    String type =
        switch (e.status().value()) {
          case 401 -> "unauthenticated";
          case 403 -> "forbidden";
          case 404 -> "not-found";
          default -> "history-unavailable";
        };
    problem.setType(ProblemTypes.of(type));
    problem.setTitle(
        switch (e.status().value()) {
          case 401 -> "Unauthenticated";
          case 403 -> "Forbidden";
          case 404 -> "Not found";
          default -> "History unavailable";
        });
    return ResponseEntity.status(e.status())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @ExceptionHandler(BadQuery.class)
  ProblemDetail badQuery(BadQuery e) {
    return invalid(e.parameter, e.reason);
  }

  /**
   * Spring MVC's own refusals (405, 406, 404 for an unknown path, a missing parameter) keep their
   * status and detail, and get a type and {@code errors[]} like every other answer.
   */
  @ExceptionHandler({ServletException.class, ErrorResponseException.class})
  ResponseEntity<ProblemDetail> refused(Exception e) {
    if (!(e instanceof ErrorResponse refusal) || !refusal.getStatusCode().is4xxClientError()) {
      return ResponseEntity.internalServerError().body(unexpected(new IllegalStateException(e)));
    }
    ProblemDetail problem = ProblemTypes.describe(refusal.getBody(), fieldOf(e));
    return ResponseEntity.status(refusal.getStatusCode())
        .headers(refusal.getHeaders())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static String fieldOf(Exception e) {
    if (e instanceof HttpRequestMethodNotSupportedException) {
      return "method";
    }
    if (e instanceof HttpMediaTypeNotAcceptableException) {
      return "Accept";
    }
    if (e instanceof MissingServletRequestParameterException missing) {
      return missing.getParameterName();
    }
    return e instanceof NoResourceFoundException ? "path" : "request";
  }

  /** Anything unforeseen is still problem+json, without internals; the log has the cause. */
  @ExceptionHandler(RuntimeException.class)
  ProblemDetail unexpected(RuntimeException e) {
    log.error("Query failed", e);
    return ProblemTypes.problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "the query could not be answered");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    String expected =
        e.getRequiredType() == Integer.class ? "a whole number" : "an ISO date, e.g. 2025-03-31";
    return invalid(e.getName(), "cannot read '" + e.getValue() + "': expected " + expected);
  }

  private static ProblemDetail invalid(String parameter, String message) {
    ProblemDetail problem =
        ProblemTypes.problem(
            HttpStatus.BAD_REQUEST,
            "invalid-request",
            "Invalid request",
            parameter + ": " + message);
    problem.setProperty("errors", List.of(Map.of("field", parameter, "message", message)));
    return problem;
  }
}
