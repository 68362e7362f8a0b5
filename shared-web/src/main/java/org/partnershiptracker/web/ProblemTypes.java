package org.partnershiptracker.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Where problem types live: every problem+json answer of both services names one of these. */
public final class ProblemTypes {
  public static final String BASE = "https://partnership-tracker.org/problems/";

  private ProblemTypes() {}

  /** The URI of the problem type {@code type}, e.g. {@code not-found}. */
  public static URI of(String type) {
    return URI.create(BASE + type);
  }

  /** A problem with its status, type, title and detail. */
  public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(of(type));
    problem.setTitle(title);
    return problem;
  }

  /**
   * Gives a problem Spring built a type (if it had none) and {@code errors[]} naming what was wrong
   * with the request.
   */
  public static ProblemDetail describe(ProblemDetail problem, String field) {
    if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
      problem.setType(of("request-refused"));
    }
    String detail = problem.getDetail() != null ? problem.getDetail() : problem.getTitle();
    problem.setProperty(
        "errors", List.of(Map.of("field", field, "message", String.valueOf(detail))));
    return problem;
  }
}
