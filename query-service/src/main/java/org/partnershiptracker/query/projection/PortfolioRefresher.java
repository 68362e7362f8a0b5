package org.partnershiptracker.query.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.partnershiptracker.query.readmodel.Portfolio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Recomputes the portfolio rows of partnerships that received events, on its own thread beside the
 * consumer. A row is a dozen folds (today's and its trend's earlier months, ~0.1 s when events
 * dated before them arrived), so on the consumer's thread a thousand changed partnerships held
 * ingestion for over a minute. Caught up, it refreshes every {@code portfolio-refresh}; while the
 * consumer is behind, one pass at most every minute; and never more than a fifth of the time
 * (back-dated events recompute a row's whole trend: under steady back-filling the passes took a
 * processor from the consumer and delayed what queries see), so the projection keeps the processor.
 * A row it has not refreshed yet is computed by the reader that asks for it ({@link
 * Portfolio#rows()}), so no reader sees a stale row either way.
 */
@Component
public class PortfolioRefresher implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(PortfolioRefresher.class);
  private static final Duration WHILE_BEHIND = Duration.ofMinutes(1);

  private final ProjectionConsumer consumer;
  private final Portfolio portfolio;
  private final ProjectionProperties properties;
  private final Timer passes;
  private volatile boolean running;
  private volatile Thread thread;

  public PortfolioRefresher(
      ProjectionConsumer consumer,
      Portfolio portfolio,
      ProjectionProperties properties,
      MeterRegistry metrics) {
    this.consumer = consumer;
    this.portfolio = portfolio;
    this.properties = properties;
    this.passes =
        Timer.builder("tracker.portfolio.refresh")
            .description("Passes that recomputed the portfolio rows of changed partnerships")
            .register(metrics);
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::run, "portfolio-refresh");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    Thread current = thread;
    if (current != null) {
      current.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    long notBefore = 0;
    long notBeforeWhileBehind = 0;
    while (running) {
      try {
        Thread.sleep(properties.portfolioRefresh().toMillis());
        int generation = consumer.generation();
        if (generation < 0 || portfolio.pendingRows(generation) == 0) {
          continue;
        }
        boolean behind = consumer.lagEvents() > 0;
        long now = System.nanoTime();
        if (now - notBefore < 0 || (behind && now - notBeforeWhileBehind < 0)) {
          continue;
        }
        long started = System.nanoTime();
        int rows = portfolio.refreshChanged(generation);
        long took = System.nanoTime() - started;
        passes.record(Duration.ofNanos(took));
        notBefore = System.nanoTime() + 4 * took; // at most a fifth of the time
        notBeforeWhileBehind = System.nanoTime() + Math.max(WHILE_BEHIND.toNanos(), 4 * took);
        log.debug("Recomputed {} portfolio rows in {} ms", rows, took / 1_000_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The rows stay pending, and a reader computes any it asks for: nothing is lost by waiting.
        log.warn("The portfolio rows could not be refreshed; trying again", e);
      }
    }
  }
}
