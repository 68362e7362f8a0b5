package org.partnershiptracker.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
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
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.status(outcome.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (outcome.status() == HttpStatus.SERVICE_UNAVAILABLE) {
      answer.header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
    }
    return answer.body(outcome.problem());
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

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      @NonNull HttpMessageNotReadableException e,
      @NonNull HttpHeaders headers,
      @NonNull HttpStatusCode status,
      @NonNull WebRequest request) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      String message =
          mapping instanceof InvalidFormatException format
              ? "cannot read '"
                  + format.getValue()
                  + "' as "
                  + format.getTargetType().getSimpleName()
                  + enumValues(format.getTargetType())
              : rootMessage(mapping);
      return ResponseEntity.badRequest()
          .body(
              Problems.badRequest(
                  field + ": " + message, List.of(Map.of("field", field, "message", message))));
    }
    return ResponseEntity.badRequest()
        .body(Problems.badRequest("the request body is not valid JSON", List.of()));
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
}
