package dev.bpx.paper.store;

import dev.bpx.paper.command.TimedCommand;
import dev.bpx.paper.engine.ExchangeView;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Holds the writer of a {@link JournaledEngine} inside a command: the render runs on the writer after the command
 * changed its replica and before it is published, so while it waits nothing else is applied or answered. Tests
 * use it to queue work behind a busy writer, or to read while it is halfway through a command.
 */
final class FrozenWriter implements AutoCloseable {
  private final CountDownLatch release = new CountDownLatch(1);
  private final CompletableFuture<Object> held;

  /**
   * Submits {@code command} from another thread and returns once the writer is inside it.
   *
   * @param whileInside what the render returns (read on the writer, from the state the command left)
   */
  FrozenWriter(JournaledEngine store, TimedCommand command, BiFunction<ExchangeView, Object, Object> whileInside)
      throws InterruptedException {
    CountDownLatch inside = new CountDownLatch(1);
    held = CompletableFuture.supplyAsync(() -> store.submit(command, (e, r) -> {
      inside.countDown();
      try {
        release.await();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
      return whileInside.apply(e, r);
    }));
    if (!inside.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("the writer did not reach the command within 10 s");
    }
  }

  /** Lets the writer go on; {@return the command's answer, once it is published} */
  Object release() throws Exception {
    release.countDown();
    return held.get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    release.countDown();
  }
}
