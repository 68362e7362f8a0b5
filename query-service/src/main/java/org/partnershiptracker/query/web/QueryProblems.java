package org.partnershiptracker.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Query errors as RFC 9457 problem+json: 400 names the parameter, 404 the partnership. */
@RestControllerAdvice
public class QueryProblems {
  private static final String BASE = "https://partnership-tracker.org/problems/";

  @ExceptionHandler(PartnershipQueryController.UnknownPartnership.class)
  ProblemDetail unknown(PartnershipQueryController.UnknownPartnership e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setType(URI.create(BASE + "not-found"));
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(PartnershipQueryController.BadQuery.class)
  ProblemDetail badQuery(PartnershipQueryController.BadQuery e) {
    return invalid(e.parameter, e.getMessage().substring(e.parameter.length() + 2));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return invalid(e.getName(), "cannot read '" + e.getValue() + "'; dates are ISO, e.g. 2025-03-31");
  }

  private static ProblemDetail invalid(String parameter, String message) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + ": " + message);
    problem.setType(URI.create(BASE + "invalid-request"));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", List.of(Map.of("field", parameter, "message", message)));
    return problem;
  }
}
