package dev.bpx.paper.store;

import dev.bpx.paper.engine.Command;
import dev.bpx.paper.engine.CommandHandler;
import dev.bpx.paper.engine.Engine;
import dev.bpx.paper.engine.SnapshotReader;
import dev.bpx.paper.engine.SnapshotWriter;
import dev.bpx.paper.ledger.Account;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer: every command and every read runs under one lock, commands are journaled
 * (and forced to disk) before their result is returned, reads render their answer while holding
 * the lock, so they always see a consistent state. Replays the journal when built.
 *
 * <p>Thread-safe.
 */
public final class JournaledEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JournaledEngine.class);
  private final ReentrantLock lock = new ReentrantLock();
  private final Engine engine;
  private final CommandHandler handler;
  private final Journal journal;
  private int skippedOnReplay;

  /** @param journal null for an in-memory exchange */
  public JournaledEngine(Engine engine, Journal journal) {
    this.engine = engine;
    this.handler = new CommandHandler(engine);
    this.journal = journal;
    if (journal != null) {
      journal.snapshot().ifPresent(snap -> SnapshotReader.restore(engine, snap.state()));
      replay(journal.commands(), journal.firstCommandLine());
    }
  }

  /**
   * Compacts the journal: a snapshot of the current state replaces every command so far
   * (crash-safe, see {@link Journal#compact}). Runs under the engine lock, so no command is
   * between the snapshot and the new file. No-op for an in-memory exchange.
   *
   * @param clockOffsetMillis the paper clock's offset, restored with the snapshot
   */
  public void compact(long clockOffsetMillis) {
    if (journal == null) {
      return;
    }
    lock.lock();
    try {
      journal.compact(SnapshotWriter.write(engine), clockOffsetMillis);
    } finally {
      lock.unlock();
    }
  }

  /** {@return the number of commands in the journal since it was created or last compacted} */
  public long journaledCommands() {
    lock.lock();
    try {
      return journal == null ? 0 : journal.commandCount();
    } finally {
      lock.unlock();
    }
  }

  private void replay(java.util.List<Command> commands, long firstLine) {
    long line = firstLine;
    for (Command c : commands) {
      try {
        handler.apply(c);
      } catch (RuntimeException e) {
        // Commands are journaled only after they succeed, so this means the code changed under
        // an old journal; skip the command rather than refuse to start, but say so. The type,
        // line and time identify it; the payload and key stay out of the log.
        skippedOnReplay++;
        LOG.warn("journal replay skipped a failing command: type={} line={} time={} ({}: {})",
            c.type(), line, c.time(), e.getClass().getSimpleName(), e.getMessage());
      }
      line++;
    }
  }

  /** {@return how many journaled commands failed and were skipped when the journal was replayed} */
  public int skippedOnReplay() {
    return skippedOnReplay;
  }

  /** Runs a command and journals it once it succeeded; refusals throw and are not journaled. */
  public Object submit(Command c) {
    return submit(c, (e, result) -> result);
  }

  /**
   * Runs a command, journals it, and renders its result while still holding the lock, so the
   * answer shows the state the command left.
   */
  public <T> T submit(Command c, java.util.function.BiFunction<Engine, Object, T> render) {
    lock.lock();
    try {
      Command timed = c.time() < engine.now() ? new Command(c.type(), c.apiKey(), c.payload(), engine.now()) : c;
      Object result = handler.apply(timed);
      if (journal != null) {
        journal.append(timed);
      }
      return render.apply(engine, result);
    } finally {
      lock.unlock();
    }
  }

  /** Advances time, makes sure the account exists, and renders under the lock. */
  public <T> T read(long now, String apiKey, Function<Engine, T> render) {
    lock.lock();
    try {
      engine.advanceTo(now);
      if (apiKey != null && engine.accounts().find(apiKey) == null) {
        submit(new Command(Command.CREATE_ACCOUNT, apiKey, null, now));
      }
      return render.apply(engine);
    } finally {
      lock.unlock();
    }
  }

  /** {@return the account for a key, opening it (journaled) if it is new} */
  public Account account(String apiKey, long now) {
    return read(now, apiKey, e -> e.accounts().find(apiKey));
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (journal != null) {
        journal.close();
      }
    } finally {
      lock.unlock();
    }
  }
}
