package org.partnershiptracker.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.partnershiptracker.command.idempotency.IdempotencyContext;
import org.partnershiptracker.command.idempotency.IdempotencyProperties;
import org.partnershiptracker.command.idempotency.IdempotencyStore;
import org.partnershiptracker.command.idempotency.IdempotencyStore.State;
import org.partnershiptracker.command.idempotency.IdempotencyStore.StoredResponse;
import org.partnershiptracker.command.web.access.CurrentCaller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every write under /api retry-safe: a request with an {@code Idempotency-Key} header that
 * was answered before gets the first answer again, and nothing is recorded twice. The same key with
 * a different request is a 422. Two requests with one key at once both run, and the first to commit
 * wins: the other's command is rolled back and it gets the first one's answer.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {
  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotency-Replayed";
  private static final Pattern KEY_FORM = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final IdempotencyStore store;
  private final ObjectMapper json;
  private final java.time.Duration lease;

  IdempotencyFilter(IdempotencyStore store, ObjectMapper json, IdempotencyProperties properties) {
    this.store = store;
    this.json = json;
    this.lease = properties.lease();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !request.getRequestURI().startsWith("/api/")
        || request.getHeader(HEADER) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String clientKey = request.getHeader(HEADER);
    if (!KEY_FORM.matcher(clientKey).matches()) {
      problem(
          response,
          HttpStatus.BAD_REQUEST,
          "invalid-request",
          "Invalid request",
          HEADER + " must be 1-255 visible ASCII characters");
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    String fingerprint = fingerprint(request, body);
    String key = scope(request.getRequestURI()) + " " + callerScope() + " " + clientKey;

    Optional<StoredResponse> answered;
    try {
      answered = store.answered(key, lease);
    } catch (org.springframework.dao.DataAccessException e) {
      if (!DatabaseUnavailable.causedBy(e)) {
        throw e;
      }
      response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), Problems.unavailable());
      return;
    }
    if (answered.isPresent()) {
      answerFromStore(answered.get(), fingerprint, response);
      return;
    }
    // No claim before the command: a success stores its answer under the key in its own
    // transaction (one commit per command), and of two requests with one key the first to commit
    // wins; the other is rolled back and gets the winner's answer.
    ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
    IdempotencyContext context = IdempotencyContext.open(key, fingerprint);
    try {
      chain.doFilter(new BufferedBodyRequest(request, body), recorded);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!context.taken()) {
        throw e;
      }
    } finally {
      IdempotencyContext.close();
    }
    int status = recorded.getStatus();
    if (!context.taken()
        && !context.retryable()
        && status < 500
        && status != 400
        && !(context.stored() && status < 300)
        && !store.keep(
            key,
            fingerprint,
            status,
            recorded.getContentType(),
            recorded.getHeader(HttpHeaders.LOCATION),
            recorded.getContentAsByteArray())) {
      context.markTaken(); // a refusal, but another request with the key was answered first
    }
    if (context.taken()) {
      response.reset();
      answerFromStore(store.find(key).orElse(null), fingerprint, response);
      return;
    }
    // Our failure (5xx), a passing one (another change first) or an invalid request (400) is not
    // kept: a retry runs again.
    recorded.copyBodyToResponse();
  }

  private void answerFromStore(
      StoredResponse stored, String fingerprint, HttpServletResponse response) throws IOException {
    if (stored == null) {
      // Not expected: the answer that took the key was deleted (its retention ran out) meanwhile.
      problem(
          response,
          HttpStatus.CONFLICT,
          "idempotency-key-in-use",
          "Idempotency key in use",
          "the first request with this " + HEADER + " did not complete; retry");
    } else if (!stored.fingerprint().equals(fingerprint)) {
      problem(
          response,
          HttpStatus.UNPROCESSABLE_ENTITY,
          "idempotency-key-reused",
          "Idempotency key reused",
          "this " + HEADER + " was used for a different request; use a new key for a new request");
    } else if (stored.state() == State.IN_PROGRESS) {
      problem(
          response,
          HttpStatus.CONFLICT,
          "idempotency-key-in-use",
          "Idempotency key in use",
          "the first request with this " + HEADER + " is still being processed; retry shortly");
    } else {
      response.setStatus(stored.status());
      if (stored.contentType() != null) {
        response.setContentType(stored.contentType());
      }
      if (stored.location() != null) {
        response.setHeader(HttpHeaders.LOCATION, stored.location());
      }
      response.setHeader(REPLAYED_HEADER, "true");
      if (stored.body() != null) {
        response.getOutputStream().write(stored.body());
      }
    }
  }

  private void problem(
      HttpServletResponse response, HttpStatus status, String type, String title, String detail)
      throws IOException {
    ProblemDetail problem = Problems.problem(status, type, title, detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /**
   * Keys are scoped to the partnership the path names ("-" for forming one): the same key elsewhere
   * is another key.
   */
  static String scope(String uri) {
    String prefix = "/api/partnerships/";
    if (!uri.startsWith(prefix)) {
      return "-";
    }
    String rest = uri.substring(prefix.length());
    int slash = rest.indexOf('/');
    return slash < 0 ? "-" : rest.substring(0, slash);
  }

  /**
   * The caller (subject and organisation), digested: the same key from another caller is another
   * key, so no one replays an answer given to someone else (whose scope may differ).
   */
  private static String callerScope() {
    String caller =
        CurrentCaller.get().map(c -> c.subject() + "\n" + c.organisationId()).orElse("");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(caller.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The same method, path and body give the same fingerprint. */
  private static String fingerprint(HttpServletRequest request, byte[] body) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(
          (request.getMethod() + " " + request.getRequestURI() + "\n")
              .getBytes(StandardCharsets.UTF_8));
      sha256.update(body);
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Replays a body that was read to fingerprint it. */
  private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
