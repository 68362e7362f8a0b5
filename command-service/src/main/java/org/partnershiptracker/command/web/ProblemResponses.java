package org.partnershiptracker.command.web;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.partnershiptracker.command.idempotency.IdempotencyContext;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem+json: 400 names the wrong field, 404 the missing thing, 409 the
 * rule a refused command broke.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {
  /**
   * Every failure of a command, wrapped by Axon or not, answered as {@link Problems#outcomeOf}
   * says; anything it does not know is rethrown (a 500).
   */
  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<Object> outcome(RuntimeException e) {
    Problems.Outcome outcome = Problems.outcomeOf(e).orElseThrow(() -> e);
    if (outcome.retryable()) {
      IdempotencyContext.current().ifPresent(IdempotencyContext::markRetryable);
    }
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.status(outcome.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (outcome.status() == HttpStatus.SERVICE_UNAVAILABLE) {
      answer.header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
    }
    return answer.body(outcome.problem());
  }

  /**
   * Spring's own refusals (405, 406, 415, 404 for an unknown path, a missing parameter) keep their
   * status and detail, and get a type and {@code errors[]} like every other answer.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      @NonNull Exception e,
      Object body,
      @NonNull HttpHeaders headers,
      @NonNull HttpStatusCode status,
      @NonNull WebRequest request) {
    ResponseEntity<Object> answer =
        super.handleExceptionInternal(e, body, headers, status, request);
    if (answer != null
        && answer.getBody() instanceof ProblemDetail problem
        && status.is4xxClientError()
        && (problem.getProperties() == null || !problem.getProperties().containsKey("errors"))) {
      Problems.describe(problem, Problems.fieldOf(e));
    }
    return answer;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      @NonNull MethodArgumentNotValidException e,
      @NonNull HttpHeaders headers,
      @NonNull HttpStatusCode status,
      @NonNull WebRequest request) {
    List<Map<String, String>> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(
                error ->
                    Map.of(
                        "field",
                        error.getField(),
                        "message",
                        String.valueOf(error.getDefaultMessage())))
            .toList();
    String detail =
        errors.stream()
            .map(error -> error.get("field") + ": " + error.get("message"))
            .sorted()
            .collect(Collectors.joining("; "));
    return ResponseEntity.badRequest().body(Problems.badRequest(detail, errors));
  }

  /** A path variable that is not a valid id (or a parameter of the wrong type) names itself. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      @NonNull TypeMismatchException e,
      @NonNull HttpHeaders headers,
      @NonNull HttpStatusCode status,
      @NonNull WebRequest request) {
    String field = e.getPropertyName() != null ? e.getPropertyName() : "request";
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root instanceof IllegalArgumentException && root.getMessage() != null
            ? root.getMessage()
            : "cannot read '" + e.getValue() + "'";
    return ResponseEntity.badRequest()
        .body(
            Problems.badRequest(
                field + ": " + message, List.of(Map.of("field", field, "message", message))));
  }

  /**
   * A body that cannot be read as the request names the field and says why: a wrong type, a value a
   * type refuses, an unknown or duplicated field, content after the JSON value.
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      @NonNull HttpMessageNotReadableException e,
      @NonNull HttpHeaders headers,
      @NonNull HttpStatusCode status,
      @NonNull WebRequest request) {
    Map<String, String> error = unreadable(e.getCause());
    return ResponseEntity.badRequest()
        .body(
            Problems.badRequest(error.get("field") + ": " + error.get("message"), List.of(error)));
  }

  /**
   * Why a JSON body could not be read as its request, as {@code {field, message}}: the activity
   * inbox reads its records' data with the same words.
   */
  public static Map<String, String> unreadable(Throwable cause) {
    String field = "body";
    String message = "is not valid JSON";
    if (cause instanceof StreamReadException parse) {
      Matcher duplicate = DUPLICATE.matcher(String.valueOf(parse.getOriginalMessage()));
      if (duplicate.find()) {
        field = duplicate.group(1);
        message = "appears more than once";
      } else if (parse.getLocation() != null) {
        message =
            "is not valid JSON (line %d, column %d)"
                .formatted(parse.getLocation().getLineNr(), parse.getLocation().getColumnNr());
      }
    } else if (cause instanceof JsonMappingException mapping) {
      if (!mapping.getPath().isEmpty()) {
        field = path(mapping);
      }
      message = reason(mapping);
    }
    return Map.of("field", field, "message", message);
  }

  private static final Pattern DUPLICATE =
      Pattern.compile("Duplicate (?:field|Object property) '([^']*)'");

  private static String path(JsonMappingException mapping) {
    return mapping.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String reason(JsonMappingException mapping) {
    if (mapping instanceof UnrecognizedPropertyException unknown) {
      return "is not a field of this request (its fields: "
          + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()
          + ")";
    }
    if (mapping.getPath().isEmpty()
        && String.valueOf(mapping.getOriginalMessage()).startsWith("Trailing token")) {
      return "has content after the JSON value";
    }
    Throwable root = mapping;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof IllegalArgumentException && root.getMessage() != null) {
      return root.getMessage(); // a value type or event refused the value, in its own words
    }
    if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "must be " + expected(mismatch.getTargetType());
    }
    return String.valueOf(mapping.getOriginalMessage());
  }

  /** What a JSON value of a request's type looks like, in words. */
  private static String expected(Class<?> type) {
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == LocalDate.class) {
      return "a date written as a string, YYYY-MM-DD";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class || type.getPackageName().endsWith(".value")) {
      return "a JSON string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a JSON array";
    }
    return "a JSON object";
  }
}
