package dev.bpx.paper.store;

import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.Outcome;
import dev.bpx.paper.command.TimedCommand;
import dev.bpx.paper.engine.CommandHandler;
import dev.bpx.paper.engine.Engine;
import dev.bpx.paper.engine.EngineConfig;
import dev.bpx.paper.engine.ExchangeView;
import dev.bpx.paper.engine.MarketFeed;
import dev.bpx.paper.engine.TradeIds;
import dev.bpx.paper.events.EventSink;
import dev.bpx.paper.events.StreamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange's one writer and its readers.
 *
 * <p><b>Writes</b> go through a queue to a single writer thread, which takes every command
 * waiting (a batch), applies them one by one to the writable replica of the engine, rendering each
 * answer from the state its command left, appends each to the journal with its outcome, and forces
 * the journal to disk once for the whole batch (group commit: one fsync covers every command that
 * queued while the previous one ran). Only then does it publish the replica to readers and
 * acknowledge the batch, so an answer is never sent, nor its effect seen by anyone, before the
 * command is durable. Then it applies the same batch to the other replica ({@link Replicas}).
 *
 * <p><b>Reads</b> never take a lock and never wait for the writer: they render from the published
 * replica, which no one changes while they are on it. The state between walk steps depends only on
 * the step, so a read is answered from the replica when the replica has taken every step up to the
 * read's time; otherwise (at most once a second of exchange time) the read first asks the writer to
 * take those steps, as the old single lock did inside the read. The same goes for a read by an API
 * key the exchange has not seen: the writer opens the account (journaled) first.
 *
 * <p>Replays the journal (into both replicas) when built, checking every command's outcome against
 * the one recorded ({@link CheckedReplay}): a divergence stops the start. A state made before journal version 6
 * replays with its trades numbered as they were then, and its journal then gets the switch to one sequence per
 * market ({@code engine/TradeIds}) as its next command, before any other. Thread-safe.
 */
public final class JournaledEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JournaledEngine.class);
  /** Bounds one batch, so a long queue still publishes (and acknowledges) in steps. */
  private static final int MAX_BATCH = 512;
  private static final Object STALE = new Object();

  private final Replicas replicas;
  private final Journal journal;
  private final BlockingQueue<WriteTask<?>> queue = new LinkedBlockingQueue<>();
  private final Object admission = new Object();
  private final Thread writer;
  private final Stop stop = new Stop();
  private boolean closed;
  /** Writer thread only: where events go, null while nobody listens (nothing is captured then). */
  private EventSink sink;
  private final MarketFeed feed = new MarketFeed();

  /**
   * @param config what both replicas are built from
   * @param journal null for an in-memory exchange
   */
  public JournaledEngine(EngineConfig config, Journal journal) {
    TradeIds.Scheme numbering = journal != null && journal.header().sharedTradeIds()
        ? TradeIds.Scheme.SHARED : TradeIds.Scheme.PER_MARKET;
    this.replicas = new Replicas(new Engine(config, numbering), new Engine(config, numbering));
    this.journal = journal;
    if (journal != null) {
      for (int i = 0; i < 2; i++) {
        Engine e = replicas.engine(i);
        // A state made before the price bands were enforced replays without them (see Journal.Header#priceBands).
        e.priceBands(journal.header().priceBands());
        journal.snapshot().ifPresent(snap -> SnapshotReader.restore(e, snap.state()));
      }
      try {
        List<Outcome> outcomes = CheckedReplay.run(journal, replicas.handler(0), replicas.handler(1));
        if (journal.isLegacy()) {
          journal.migrate(outcomes);
        }
      } catch (RuntimeException e) {
        journal.close();
        throw e;
      }
    }
    // Still numbered the old way once the file is replayed (no switch in it yet): switch now, journaled, so that
    // a replay takes the old ids up to here and the new ones after, as this run does.
    boolean switchNumbering = replicas.engine(0).tradeIdScheme() == TradeIds.Scheme.SHARED;
    long replayed = replicas.engine(0).now();
    writer = new Thread(this::writeLoop, "paper-engine");
    writer.setDaemon(true);
    writer.start();
    if (switchNumbering) {
      submit(new TimedCommand(replayed, new Command.NumberTradesPerMarket()));
      LOG.info("journal {}: trade ids are numbered per market from now on (ids already issued stay)", journal.file());
    }
  }

  /**
   * Compacts the journal: a snapshot of the current state replaces every command so far
   * (crash-safe, see {@link Journal#compact}). Runs on the writer, so no command is between the
   * snapshot and the new file. No-op for an in-memory exchange.
   *
   * @param clockOffsetMillis the paper clock's offset, restored with the snapshot
   */
  public void compact(long clockOffsetMillis) {
    if (journal == null) {
      return;
    }
    await(new WriteTask.WriterOnlyTask<Void>((e, j) -> {
      j.flush();
      // Upstream prices: the new header carries every market the snapshot holds (delisted ones too), so the
      // engine it is restored into has them all; the snapshot says which are delisted.
      j.compact(SnapshotWriter.write(e), clockOffsetMillis, e.config().upstream() ? e.heldMarketList() : null,
          e.priceBands());
      return null;
    }));
  }

  /**
   * Sends the events of every later command to {@code sink}, on the writer, once the command is
   * durable and readable (with its batch, where the HTTP answers are released), in engine order.
   * The journal replay before this publishes nothing; the market-data streams continue from the state
   * at this moment.
   */
  public void publishTo(EventSink sink) {
    await(new WriteTask.WriterOnlyTask<Void>((e, j) -> {
      feed.start(e);
      this.sink = sink;
      e.events().capture(true); // the rest of this batch publishes too

      return null;
    }));
  }

  /**
   * Brings exchange time to {@code now} for the streams (the WebSocket pulse) and journals nothing: on the
   * writer, in the queue with reads' ticks and commands, it takes the walk's steps up to {@code now}
   * ({@link Engine#advanceWalkTo}: the state any later command or replay reaches the same way), then the
   * market-data feed publishes what changed (ticker, klines, mark price, the other participants' trades, depth
   * windows that ended). Returns once that is published.
   */
  public void pulse(long now) {
    await(new WriteTask.PulseTask(now));
  }

  /** {@return whether the engine enforces the markets' price bands now (see {@code Engine#priceBands})} */
  public boolean priceBands() {
    return await(new WriteTask.WriterOnlyTask<>((e, j) -> e.priceBands()));
  }

  /** {@return the number of commands in the journal since it was created or last compacted} */
  public long journaledCommands() {
    return journal == null ? 0 : await(new WriteTask.WriterOnlyTask<>((e, j) -> j.commandCount()));
  }

  /** Runs a command and journals it with its outcome; a refusal throws (once journaled too). */
  public void submit(TimedCommand c) {
    submit(c, (e, result) -> null);
  }

  /**
   * Runs a command, journals it with its outcome, and renders its result on the writer from the
   * state the command left. Returns once the command is durable and visible to reads.
   */
  public <T> T submit(TimedCommand c, BiFunction<ExchangeView, Object, T> render) {
    return await(new WriteTask.CommandTask<>(c, render));
  }

  /**
   * As {@link #submit(TimedCommand, BiFunction)}, with {@code first} run just before {@code c} and no other command
   * between them, whoever else submits meanwhile. For the market data an order is judged on (real prices): journaled
   * as a command of its own, it must still be what the engine holds when the order comes, and the pump's data or
   * another request's, landing in between, would replace it. A refused {@code first} throws, and {@code c} is then
   * neither run nor journaled.
   */
  public <T> T submit(TimedCommand first, TimedCommand c, BiFunction<ExchangeView, Object, T> render) {
    WriteTask.CommandTask<Object> before = new WriteTask.CommandTask<>(first, (e, result) -> null);
    WriteTask.CommandTask<T> task = new WriteTask.CommandTask<>(c, render, before);
    enqueue(before, task);
    join(before);
    return join(task);
  }

  /**
   * {@return the {@linkplain StateHash state hash} of each of the two replicas, computed on the writer
   * between batches, when both have taken the same commands: they must be equal}
   */
  public List<String> stateHashes() {
    return await(new WriteTask.WriterOnlyTask<>((e, j) -> List.of(StateHash.of(replicas.engine(0)),
        StateHash.of(replicas.engine(1)))));
  }

  /**
   * Renders a read from a consistent state at exchange time {@code now}, opening the account of
   * {@code apiKey} first if it is new (null for public reads). Readers see the engine only as an
   * {@link ExchangeView}, which has nothing that changes state.
   */
  public <T> T read(long now, String apiKey, Function<ExchangeView, T> view) {
    return readReplica(now, apiKey, view::apply);
  }

  /**
   * Reads the published state as it stands, without advancing exchange time: no walk step, funding or
   * trigger runs for it, so nothing is journaled. For background readers that only need to know what
   * rests and what is held (upstream mode's feed), whose reads would otherwise journal a tick a second.
   */
  public <T> T peek(Function<ExchangeView, T> view) {
    // A time before birth: every replica is current at it (see Engine.isCurrentAt).
    return readReplica(Long.MIN_VALUE / 4, null, view::apply);
  }

  /** {@return the markets and assets the engine trades now, read without moving time (see {@link #peek})} */
  public dev.bpx.paper.market.MarketList tradedMarketList() {
    return readReplica(Long.MIN_VALUE / 4, null, Engine::tradedMarketList);
  }

  /**
   * Like {@link #read} with the whole engine (tests, diagnostics): the function must not change it.
   */
  public <T> T inspect(long now, Function<Engine, T> view) {
    return readReplica(now, null, view);
  }

  private <T> T readReplica(long now, String apiKey, Function<Engine, T> view) {
    for (;;) {
      Object out = replicas.read(e -> e.isCurrentAt(now) && (apiKey == null || e.accounts().find(apiKey) != null)
          ? view.apply(e) : STALE);
      if (out != STALE) {
        @SuppressWarnings("unchecked")
        T t = (T) out;
        return t;
      }
      // Outside the read: the writer may be waiting for this thread to leave the old replica.
      await(new WriteTask.TickTask(now, apiKey));
    }
  }

  private <T> T await(WriteTask<T> task) {
    enqueue(task);
    return join(task);
  }

  /** Queues the tasks for the writer, in this order and next to each other. */
  private void enqueue(WriteTask<?>... tasks) {
    synchronized (admission) {
      if (closed) {
        throw new IllegalStateException("paper exchange closed");
      }
      queue.addAll(List.of(tasks));
    }
  }

  private static <T> T join(WriteTask<T> task) {
    try {
      return task.done.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private void writeLoop() {
    List<WriteTask<?>> batch = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      batch.clear();
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      Engine w = replicas.writable();
      CommandHandler h = replicas.writableHandler();
      // Only the replica published next captures events: the other repeats the batch silently.
      w.events().capture(sink != null);
      List<StreamEvent> events = new ArrayList<>();
      int journaled = 0;
      for (WriteTask<?> t : batch) {
        if (t == stop) {
          stopping = true;
          continue;
        }
        Journal.Recorded c;
        try {
          c = t.lead(w, h, journal);
        } catch (Error e) {
          // As the old lock did, an Error in one command fails that request; the writer goes on,
          // since a dead writer would leave every later request waiting.
          LOG.error("command failed", e);
          t.fail(new IllegalStateException("engine error", e));
          c = null;
        }
        if (sink != null) {
          List<StreamEvent> own = w.events().drain(w.now());
          events.addAll(own);
          feed.collect(w, events, own);
        }
        if (c != null && journal != null) {
          try {
            journal.append(c);
            journaled++;
          } catch (RuntimeException e) {
            LOG.error("cannot journal a command; it is applied but not durable", e);
            t.failDurability(e);
          }
        }
      }
      if (journaled > 0) {
        try {
          journal.flush();
        } catch (RuntimeException e) {
          LOG.error("journal write failed; {} commands are applied but not durable", journaled, e);
          batch.forEach(t -> t.failDurability(e));
        }
      }
      int stale = replicas.publish();
      batch.forEach(WriteTask::complete);
      if (!events.isEmpty()) {
        try {
          sink.accept(events);
        } catch (RuntimeException e) {
          LOG.error("stream events not published", e);
        }
      }
      Engine other = replicas.engine(stale);
      other.events().capture(false);
      CommandHandler otherHandler = replicas.handler(stale);
      for (WriteTask<?> t : batch) {
        try {
          t.follow(other, otherHandler);
        } catch (RuntimeException | Error e) {
          LOG.error("replica update failed", e);
        }
      }
    }
    List<WriteTask<?>> left = new ArrayList<>();
    queue.drainTo(left);
    for (WriteTask<?> t : left) {
      t.done.completeExceptionally(new IllegalStateException("paper exchange closed"));
    }
  }

  /** Ends the writer loop after the tasks queued before it. */
  private static final class Stop extends WriteTask<Void> {
    @Override
    Journal.Recorded lead(Engine e, CommandHandler h, Journal journal) {
      return null;
    }

    @Override
    void follow(Engine e, CommandHandler h) {
    }
  }

  @Override
  public void close() {
    synchronized (admission) {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(stop);
    }
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (journal != null) {
      journal.close();
    }
  }
}
