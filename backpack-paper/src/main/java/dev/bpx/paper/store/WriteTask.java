package dev.bpx.paper.store;

import dev.bpx.paper.engine.Command;
import dev.bpx.paper.engine.CommandHandler;
import dev.bpx.paper.engine.Engine;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One unit of work for the writer thread. {@link #lead} runs it on the writable replica (and says
 * what to journal); {@link #follow} runs exactly the same operation on the other replica once the
 * first is published. The future completes between the two, once the batch is durable and
 * visible.
 */
abstract class WriteTask<T> {
  private static final Logger LOG = LoggerFactory.getLogger(WriteTask.class);

  final CompletableFuture<T> done = new CompletableFuture<>();
  private T output;
  private RuntimeException failure;

  /** Runs on the writable replica; {@return the command to journal, or null} */
  abstract Command lead(Engine e, CommandHandler h, Journal journal);

  /** Repeats {@link #lead}'s operation on the other replica. */
  abstract void follow(Engine e, CommandHandler h);

  final void succeed(T value) {
    output = value;
  }

  final void fail(RuntimeException e) {
    failure = e;
  }

  /** Overrides the outcome when the batch could not be made durable. */
  final void failDurability(RuntimeException e) {
    if (failure == null) {
      failure = e;
    }
  }

  final void complete() {
    if (failure != null) {
      done.completeExceptionally(failure);
    } else {
      done.complete(output);
    }
  }

  /** A state-changing request: journaled when it succeeds, its answer rendered from the state it left. */
  static final class CommandTask<T> extends WriteTask<T> {
    private final Command command;
    private final BiFunction<Engine, Object, T> render;
    private Command timed;
    private boolean applied;

    CommandTask(Command command, BiFunction<Engine, Object, T> render) {
      this.command = command;
      this.render = render;
    }

    @Override
    Command lead(Engine e, CommandHandler h, Journal journal) {
      // Time never goes backwards: a request stamped before the last command runs at its time.
      timed = command.time() < e.now()
          ? new Command(command.type(), command.apiKey(), command.payload(), e.now()) : command;
      Object result;
      try {
        result = h.apply(timed);
      } catch (RuntimeException ex) {
        fail(ex); // a refusal: not journaled, as before
        return null;
      }
      applied = true;
      try {
        // Rendered now: the next command in the batch changes this replica.
        succeed(render.apply(e, result));
      } catch (RuntimeException ex) {
        fail(ex);
      }
      return timed;
    }

    @Override
    void follow(Engine e, CommandHandler h) {
      boolean appliedHere;
      try {
        h.apply(timed);
        appliedHere = true;
      } catch (RuntimeException ex) {
        appliedHere = false;
      }
      if (appliedHere != applied) {
        // Cannot happen while the engine is deterministic; if it does, say so loudly.
        LOG.error("replicas diverged on a {} command (applied on the lead: {}, on the follower: {})",
            timed.type(), applied, appliedHere);
      }
    }
  }

  /**
   * Brings the state up to a read's time (walk steps, funding, triggers: not journaled, since a
   * replay re-runs them with the next command) and opens the reader's account if it is new
   * (journaled).
   */
  static final class TickTask extends WriteTask<Void> {
    private final long now;
    private final String apiKey;
    private Command create;

    TickTask(long now, String apiKey) {
      this.now = now;
      this.apiKey = apiKey;
    }

    @Override
    Command lead(Engine e, CommandHandler h, Journal journal) {
      try {
        e.advanceTo(now);
        if (apiKey != null && e.accounts().find(apiKey) == null) {
          create = new Command(Command.CREATE_ACCOUNT, apiKey, null, Math.max(now, e.now()));
          h.apply(create);
        }
      } catch (RuntimeException ex) {
        fail(ex);
      }
      return create;
    }

    @Override
    void follow(Engine e, CommandHandler h) {
      e.advanceTo(now);
      if (create != null) {
        h.apply(create);
      }
    }
  }

  /** Work on the writer's side only that changes no state (compaction, counting the journal). */
  static final class WriterOnlyTask<T> extends WriteTask<T> {
    private final BiFunction<Engine, Journal, T> work;

    WriterOnlyTask(BiFunction<Engine, Journal, T> work) {
      this.work = work;
    }

    @Override
    Command lead(Engine e, CommandHandler h, Journal journal) {
      try {
        succeed(work.apply(e, journal));
      } catch (RuntimeException ex) {
        fail(ex);
      }
      return null;
    }

    @Override
    void follow(Engine e, CommandHandler h) {
    }
  }
}
