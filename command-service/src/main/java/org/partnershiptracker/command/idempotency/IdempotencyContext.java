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
  private Answer planned;
  private boolean stored;

  private IdempotencyContext(String key) {
    this.key = key;
  }

  public static IdempotencyContext open(String key) {
    IdempotencyContext context = new IdempotencyContext(key);
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

  /** Called with the answer before the command is sent; no effect outside a keyed request. */
  public static void plan(Answer answer) {
    current().ifPresent(context -> context.planned = answer);
  }
}
