package dev.bpx.paper.store;

import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.Outcome;
import dev.bpx.paper.command.TimedCommand;
import dev.bpx.paper.engine.CommandHandler;
import dev.bpx.paper.engine.Engine;
import dev.bpx.paper.engine.ExchangeView;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;
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

  /** Runs on the writable replica; {@return the command to journal with its outcome, or null} */
  abstract Journal.Recorded lead(Engine e, CommandHandler h, Journal journal);

  /** Repeats {@link #lead}'s operation on the other replica. */
  abstract void follow(Engine e, CommandHandler h);

  /** Takes what {@code work} returns as the output, or what it throws as the failure. */
  final void settle(Supplier<T> work) {
    try {
      output = work.get();
    } catch (RuntimeException e) {
      failure = e;
    }
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

  /** The follower must reach the lead's outcome; it cannot differ while the engine is deterministic. */
  static void checkFollower(Journal.Recorded lead, Outcome followed) {
    if (!lead.outcome().equals(followed)) {
      LOG.error("replicas diverged on a {} command (lead: {}, follower: {})",
          CommandCodec.type(lead.command().command()), OutcomeCodec.describe(lead.outcome()),
          OutcomeCodec.describe(followed));
    }
  }

  /**
   * A state-changing request, journaled with its outcome whether it was applied or refused (a refusal
   * may still have moved time or opened the account), its answer rendered from the state it left.
   */
  static final class CommandTask<T> extends WriteTask<T> {
    private final TimedCommand command;
    private final BiFunction<ExchangeView, Object, T> render;
    /** The task run just before this one, whose refusal means this one is not run; or null. */
    private final WriteTask<?> after;
    private Journal.Recorded recorded;

    CommandTask(TimedCommand command, BiFunction<ExchangeView, Object, T> render) {
      this(command, render, null);
    }

    CommandTask(TimedCommand command, BiFunction<ExchangeView, Object, T> render, WriteTask<?> after) {
      this.command = command;
      this.render = render;
      this.after = after;
    }

    @Override
    Journal.Recorded lead(Engine e, CommandHandler h, Journal journal) {
      if (after != null && after.failure != null) {
        // Not run, so not journaled: the task it depends on was refused, and says why.
        fail(after.failure);
        return null;
      }
      // Time never goes backwards: a request stamped before the last command runs at its time.
      TimedCommand timed = command.at(Math.max(command.time(), e.now()));
      Object result;
      try {
        result = h.apply(timed);
      } catch (RuntimeException refusal) {
        fail(refusal);
        recorded = new Journal.Recorded(timed, Outcome.of(refusal));
        return recorded;
      }
      recorded = new Journal.Recorded(timed, Outcome.of(timed.command(), result));
      // Rendered now: the next command in the batch changes this replica.
      settle(() -> render.apply(e, result));
      return recorded;
    }

    @Override
    void follow(Engine e, CommandHandler h) {
      if (recorded != null) {
        checkFollower(recorded, h.applyForOutcome(recorded.command()));
      }
    }
  }

  /**
   * Brings the state up to a read's time (walk steps, funding, triggers, the maker's requote) and
   * opens the reader's account if it is new. When that changes the state it is journaled (as the
   * account's creation, which advances first, or as a {@link Command.Tick}): the maker's requotes
   * take order ids, so a replay that requoted only at the next command's time would give the user's
   * later orders other ids than the ones the user was told (the ids moved across a restart).
   */
  static final class TickTask extends WriteTask<Void> {
    private final long now;
    private final String apiKey;
    private Journal.Recorded recorded;

    TickTask(long now, String apiKey) {
      this.now = now;
      this.apiKey = apiKey;
    }

    @Override
    Journal.Recorded lead(Engine e, CommandHandler h, Journal journal) {
      try {
        long at = Math.max(now, e.now());
        if (apiKey != null && e.accounts().find(apiKey) == null) {
          recorded = apply(e, h, new TimedCommand(at, new Command.CreateAccount(apiKey)));
        } else if (!e.isCurrentAt(now)) {
          recorded = apply(e, h, new TimedCommand(at, new Command.Tick()));
        } else {
          e.advanceTo(now);
        }
      } catch (RuntimeException ex) {
        fail(ex);
      }
      return recorded;
    }

    private static Journal.Recorded apply(Engine e, CommandHandler h, TimedCommand command) {
      return new Journal.Recorded(command, h.applyForOutcome(command)); // advances to its time first
    }

    @Override
    void follow(Engine e, CommandHandler h) {
      if (recorded != null) {
        checkFollower(recorded, h.applyForOutcome(recorded.command()));
      } else {
        e.advanceTo(now);
      }
    }
  }

  /**
   * The WebSocket pulse: the walk steps up to a time ({@link Engine#advanceWalkTo}), on both replicas, journaling
   * nothing, since any later command or replay takes the same steps to the same state.
   */
  static final class PulseTask extends WriteTask<Void> {
    private final long now;

    PulseTask(long now) {
      this.now = now;
    }

    @Override
    Journal.Recorded lead(Engine e, CommandHandler h, Journal journal) {
      try {
        e.advanceWalkTo(now);
      } catch (RuntimeException ex) {
        fail(ex);
      }
      return null;
    }

    @Override
    void follow(Engine e, CommandHandler h) {
      e.advanceWalkTo(now);
    }
  }

  /** Work on the writer's side only that changes no state (compaction, counting the journal). */
  static final class WriterOnlyTask<T> extends WriteTask<T> {
    private final BiFunction<Engine, Journal, T> work;

    WriterOnlyTask(BiFunction<Engine, Journal, T> work) {
      this.work = work;
    }

    @Override
    Journal.Recorded lead(Engine e, CommandHandler h, Journal journal) {
      settle(() -> work.apply(e, journal));
      return null;
    }

    @Override
    void follow(Engine e, CommandHandler h) {
    }
  }
}
