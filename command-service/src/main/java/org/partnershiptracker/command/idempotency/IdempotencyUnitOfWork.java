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
 * same database transaction as the events, so a key is COMPLETED exactly when its events exist. A
 * crash before the commit leaves neither (the claim's lease expires and the retry runs); a crash
 * after it leaves both (the retry gets the answer). Also forgets keys past their retention.
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
                              context
                                  .planned()
                                  .ifPresent(
                                      answer -> {
                                        store.complete(
                                            context.key(),
                                            answer.status(),
                                            answer.contentType(),
                                            answer.location(),
                                            answer.body());
                                        context.markStored();
                                      })));
          return chain.proceed();
        };
    commandBus.registerHandlerInterceptor(interceptor);
  }

  /** Keys are kept for the retention period (default 7 days), so the table stays bounded. */
  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
  public int forgetOldKeys() {
    return store.forgetOlderThan(retention);
  }
}
