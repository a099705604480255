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
   * Brings the state up to a read's time (walk steps, funding, triggers, the maker's requote) and
   * opens the reader's account if it is new. When that changes the state it is journaled (as the
   * account's creation, which advances first, or as a {@link Command#TICK}): the maker's requotes take
   * order ids, so a replay that requoted only at the next command's time would give the user's later
   * orders other ids than the ones the user was told (the ids moved across a restart).
   */
  static final class TickTask extends WriteTask<Void> {
    private final long now;
    private final String apiKey;
    private Command journaled;

    TickTask(long now, String apiKey) {
      this.now = now;
      this.apiKey = apiKey;
    }

    @Override
    Command lead(Engine e, CommandHandler h, Journal journal) {
      try {
        long at = Math.max(now, e.now());
        if (apiKey != null && e.accounts().find(apiKey) == null) {
          journaled = new Command(Command.CREATE_ACCOUNT, apiKey, null, at);
        } else if (!e.isCurrentAt(now)) {
          journaled = new Command(Command.TICK, null, null, at);
        }
        apply(e, h);
      } catch (RuntimeException ex) {
        fail(ex);
      }
      return journaled;
    }

    @Override
    void follow(Engine e, CommandHandler h) {
      apply(e, h);
    }

    private void apply(Engine e, CommandHandler h) {
      if (journaled != null) {
        h.apply(journaled); // advances to its time first, like every command
      } else {
        e.advanceTo(now);
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
