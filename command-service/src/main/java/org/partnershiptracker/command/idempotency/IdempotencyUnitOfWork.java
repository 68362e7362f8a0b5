package org.partnershiptracker.command.idempotency;

import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stores a keyed request's answer in the command's unit of work, just before it commits: in the
 * same database transaction as the events, so a key is answered exactly when its events exist, at
 * the cost of no extra commit. A crash before the commit leaves neither (the retry runs); a crash
 * after it leaves both (the retry gets the answer). If another request with the same key was
 * answered first, this command is rolled back and its request gets that answer. Also forgets keys
 * past their retention.
 */
@Component
public class IdempotencyUnitOfWork {
  private final IdempotencyStore store;
  private final Duration retention;

  IdempotencyUnitOfWork(IdempotencyStore store, IdempotencyProperties properties) {
    this.store = store;
    this.retention = properties.retention();
  }

  @Autowired
  void storeAnswersWithTheEvents(CommandBus commandBus) {
    MessageHandlerInterceptor<CommandMessage<?>> interceptor =
        (unitOfWork, chain) -> {
          IdempotencyContext.current()
              .ifPresent(
                  context ->
                      unitOfWork.onPrepareCommit(
                          committing ->
                              context.planned().ifPresent(answer -> store(context, answer))));
          return chain.proceed();
        };
    commandBus.registerHandlerInterceptor(interceptor);
  }

  private void store(IdempotencyContext context, IdempotencyContext.Answer answer) {
    if (context.fingerprint() == null) {
      store.complete(
          context.key(), answer.status(), answer.contentType(), answer.location(), answer.body());
    } else if (!store.keep(
        context.key(),
        context.fingerprint(),
        answer.status(),
        answer.contentType(),
        answer.location(),
        answer.body())) {
      context.markTaken();
      throw new KeyAnsweredMeanwhile(context.key());
    }
    context.markStored();
  }

  /** Rolls a command back whose key another request was answered under while it ran. */
  static final class KeyAnsweredMeanwhile extends RuntimeException {
    KeyAnsweredMeanwhile(String key) {
      super("another request with idempotency key " + key + " was answered first");
    }
  }

  /** Keys are kept for the retention period (default 7 days), so the table stays bounded. */
  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
  public int forgetOldKeys() {
    return store.forgetOlderThan(retention);
  }
}
