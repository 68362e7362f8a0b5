package org.partnershiptracker.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body larger than any command needs ({@link #MAX_BYTES}) is refused with 413 before it
 * is read, so that a client cannot fill the service's memory; the largest valid command body is a
 * few tens of kilobytes. A body of unknown length (chunked) is refused with 411: its size could
 * only be learnt by reading it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {
  public static final long MAX_BYTES = 1024 * 1024;
  private final ObjectMapper json;
  private final List<LargerBodies> larger;

  RequestSizeLimit(ObjectMapper json, List<LargerBodies> larger) {
    this.json = json;
    this.larger = larger;
  }

  /** {@link #MAX_BYTES}, or more for an endpoint that says so ({@link LargerBodies}). */
  private long maxBytes(HttpServletRequest request) {
    long max = MAX_BYTES;
    for (LargerBodies endpoint : larger) {
      max = Math.max(max, endpoint.maxBytes(request).orElse(MAX_BYTES));
    }
    return max;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    long max = length > MAX_BYTES ? maxBytes(request) : MAX_BYTES;
    if (length > max) {
      refuse(
          response,
          HttpStatus.PAYLOAD_TOO_LARGE,
          "the body is " + length + " bytes; at most " + max + " are read");
      return;
    }
    if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
      refuse(response, HttpStatus.LENGTH_REQUIRED, "send the body with a Content-Length");
      return;
    }
    chain.doFilter(request, response);
  }

  private void refuse(HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem =
        Problems.describe(
            Problems.problem(status, "request-too-large", status.getReasonPhrase(), detail),
            "body");
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
