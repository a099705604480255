package dev.bpx.paper.store;

import dev.bpx.paper.engine.CommandHandler;
import dev.bpx.paper.engine.Engine;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Two identical replicas of the deterministic engine, one that readers use and one that the
 * single writer changes (the left-right technique; the same idea as a read replica fed by a
 * sequenced command stream). The writer applies a batch of commands to the writable replica,
 * {@linkplain #publish publishes} it with one volatile write, waits until no reader is left on
 * the other one, and applies the same batch to it, so both again hold the same state.
 *
 * <p>Why readers can never see a half-applied command: a reader only ever touches the replica
 * that was published when it arrived, and the writer does not touch that replica until the
 * reader has left it. Readers never wait for the writer; the writer waits only for readers that
 * were already on the old replica when it published (reads are short: one response).
 *
 * <p>Why the two replicas stay identical: the engine is a deterministic function of the
 * commands and their times (the journal relies on that too), and each replica receives the
 * same commands in the same order, refusals included.
 *
 * <p>Thread-safe for readers; {@link #writable}, {@link #publish} and the handlers belong to the one
 * writer thread.
 */
final class Replicas {
  private final Engine[] engines;
  private final CommandHandler[] handlers;
  /** Readers currently inside each replica (or about to find out they must move on). */
  private final AtomicInteger[] readers = {new AtomicInteger(), new AtomicInteger()};
  /** The replica readers use; the writer owns the other one. */
  private volatile int readable;

  Replicas(Engine a, Engine b) {
    this.engines = new Engine[] {a, b};
    this.handlers = new CommandHandler[] {new CommandHandler(a), new CommandHandler(b)};
  }

  /**
   * Runs a read against the published replica. Never blocks: it counts itself in on the replica
   * it saw published, checks the replica is still the published one (otherwise the writer may
   * already have counted the readers and started on it) and then reads it.
   */
  <T> T read(Function<Engine, T> view) {
    int i;
    for (;;) {
      i = readable;
      readers[i].incrementAndGet();
      if (readable == i) {
        break;
      }
      readers[i].decrementAndGet();
    }
    try {
      return view.apply(engines[i]);
    } finally {
      readers[i].decrementAndGet();
    }
  }

  /** {@return the replica no reader uses (writer thread only)} */
  Engine writable() {
    return engines[1 - readable];
  }

  CommandHandler writableHandler() {
    return handlers[1 - readable];
  }

  /**
   * Makes the writable replica the one readers see, waits until the readers of the other one have
   * left, and returns its index, to be brought up to date by the caller (writer thread only).
   */
  int publish() {
    int stale = readable;
    readable = 1 - stale;
    // Readers that arrived before the flip finish their (short) read; any that counted themselves
    // in after it see the new index and leave at once. Spin briefly, then give the CPU away: on two
    // cores the reader we wait for may need this one.
    int spins = 0;
    while (readers[stale].get() != 0) {
      if (++spins < 100) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
    return stale;
  }

  Engine engine(int index) {
    return engines[index];
  }

  CommandHandler handler(int index) {
    return handlers[index];
  }
}
