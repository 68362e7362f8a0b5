package org.partnershiptracker.command.idempotency;

import java.util.Optional;

/**
 * The Idempotency-Key of the request this thread is serving, and the answer a command will give if
 * it succeeds. The command's unit of work stores that answer under the key in the transaction that
 * appends its events, so "recorded" and "answered" cannot diverge, whatever crashes when.
 */
public final class IdempotencyContext {
  private static final ThreadLocal<IdempotencyContext> CURRENT = new ThreadLocal<>();

  /** What a successful command answers: status, content type, Location, body. */
  public record Answer(int status, String contentType, String location, byte[] body) {}

  private final String key;
  private final String fingerprint;
  private Answer planned;
  private boolean stored;
  private boolean taken;
  private boolean retryable;

  private IdempotencyContext(String key, String fingerprint) {
    this.key = key;
    this.fingerprint = fingerprint;
  }

  /** For a key claimed before the command runs (the inbox's): the answer completes the claim. */
  public static IdempotencyContext open(String key) {
    return open(key, null);
  }

  /**
   * For a key not claimed (an HTTP request's): the answer is inserted under the key with the
   * request's fingerprint, in the command's transaction, and the command is rolled back if another
   * request with the key was answered first.
   */
  public static IdempotencyContext open(String key, String fingerprint) {
    IdempotencyContext context = new IdempotencyContext(key, fingerprint);
    CURRENT.set(context);
    return context;
  }

  public static void close() {
    CURRENT.remove();
  }

  public static Optional<IdempotencyContext> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  public String key() {
    return key;
  }

  /** The request's fingerprint; null for a key claimed beforehand. */
  public String fingerprint() {
    return fingerprint;
  }

  public Optional<Answer> planned() {
    return Optional.ofNullable(planned);
  }

  /**
   * The command's unit of work stored the answer with its events: the filter need not write it
   * again.
   */
  public void markStored() {
    stored = true;
  }

  public boolean stored() {
    return stored;
  }

  /**
   * Another request with the same key was answered first, so this one's command was rolled back:
   * the request gets the first one's answer.
   */
  public void markTaken() {
    taken = true;
  }

  public boolean taken() {
    return taken;
  }

  /**
   * The command failed for a passing reason (the database unreachable, another change to the same
   * aggregate first): its answer is not kept under the key, so a retry with the key runs again.
   */
  public void markRetryable() {
    retryable = true;
  }

  public boolean retryable() {
    return retryable;
  }

  /** Called with the answer before the command is sent; no effect outside a keyed request. */
  public static void plan(Answer answer) {
    current().ifPresent(context -> context.planned = answer);
  }
}
