package dev.bpx.client.internal.stream;

import dev.bpx.client.model.Depth;
import dev.bpx.client.stream.DeliveryPolicy;
import dev.bpx.client.stream.DepthEvent;
import dev.bpx.client.stream.OrderBook;
import dev.bpx.client.stream.OrderBook.BookState;
import dev.bpx.client.stream.StreamListener;
import dev.bpx.client.stream.StreamStatus;
import dev.bpx.client.stream.StreamStatus.ResyncCause;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maintains one market's book from a REST snapshot plus the {@code depth.<symbol>} deltas, by the spec's
 * update-id rule:
 *
 * <ol>
 *   <li>deltas are buffered while the snapshot ({@code lastUpdateId = L}) is read over REST;
 *   <li>deltas with {@code u <= L} are already in the snapshot and are skipped;
 *   <li>the first delta applied must have {@code U <= L + 1 <= u} (if {@code U > L + 1} the snapshot is
 *       too old and is read again);
 *   <li>each later delta must have {@code U == previous u + 1}; {@code U > previous u + 1} is a gap, and
 *       the book resyncs from a new snapshot. An overlap ({@code U <= previous u < u}) is applied: levels
 *       carry absolute quantities, so re-applying an update is harmless (the first delta after a
 *       snapshot overlaps it by design).
 * </ol>
 *
 * <p>A crossed book after a delta, a queue overflow, a disconnect or a reconnect also trigger a resync.
 * Every published {@link OrderBook} carries its {@link BookState}; the listener gets a {@link
 * StreamStatus.Resync} each time. All work, the REST read included, runs on the depth subscription's
 * delivery thread: never on the socket thread, never two at a time. Thread-safe ({@link #book()} may be
 * called from any thread).
 */
final class BookKeeper implements StreamListener<DepthEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(BookKeeper.class);

  private final String symbol;
  private final Function<String, Depth> snapshots;
  private final DeliveryQueue<OrderBook> out;
  private final LocalBook book = new LocalBook();
  private final List<DepthEvent> buffer = new ArrayList<>();
  private final AtomicReference<OrderBook> latest;
  private Depth snapshot;
  private boolean synced;
  private long lastUpdateId;
  private Instant engineTime;
  private StreamConnection.RouteSubscription depthSubscription;
  /** Depth events queued behind the current one; replaceable by the benchmark. */
  IntSupplier backlog = () -> depthSubscription == null ? 0 : depthSubscription.backlog();

  BookKeeper(String symbol, Function<String, Depth> snapshots, DeliveryQueue<OrderBook> out) {
    this.symbol = symbol;
    this.snapshots = snapshots;
    this.out = out;
    this.latest = new AtomicReference<>(new OrderBook(symbol, List.of(), List.of(), 0, BookState.RESYNCING, null));
  }

  /** Starts: subscribes the depth channel through {@code connection}. */
  static BookKeeper start(StreamConnection connection, String symbol, Function<String, Depth> snapshots,
      StreamListener<OrderBook> listener) {
    ChannelSpec<DepthEvent> spec = new ChannelSpec<>("depth." + symbol, false, DeliveryPolicy.RESYNC_ON_OVERFLOW,
        EventDecoders::depth);
    DeliveryQueue<OrderBook> out = connection.newQueue(
        new ChannelSpec<>("orderBook." + symbol, false, DeliveryPolicy.CONFLATE, f -> null), listener);
    BookKeeper keeper = new BookKeeper(symbol, snapshots, out);
    keeper.depthSubscription = connection.subscribe(spec, keeper);
    return keeper;
  }

  /** {@return the latest book, with its state} */
  OrderBook book() {
    return latest.get();
  }

  /** Stops the depth subscription and delivery. */
  void close() {
    depthSubscription.close();
    out.close();
  }

  @Override
  public void onEvent(DepthEvent event) {
    if (!synced) {
      buffer.add(event);
      trySync();
      return;
    }
    if (event.lastUpdateId() <= lastUpdateId) {
      return; // already applied
    }
    if (event.firstUpdateId() > lastUpdateId + 1) {
      String detail = "depth update ids jumped from u=" + lastUpdateId + " to U=" + event.firstUpdateId();
      resync(ResyncCause.GAP, detail);
      buffer.add(event);
      trySync();
      return;
    }
    apply(event);
  }

  @Override
  public void onStatus(StreamStatus status) {
    if (status instanceof StreamStatus.Disconnected) {
      synced = false;
      snapshot = null;
      buffer.clear();
      publish(BookState.DISCONNECTED);
    } else if (status instanceof StreamStatus.Resubscribed) {
      resync(ResyncCause.RECONNECT, "connection replaced; deltas may have been missed");
    } else if (status instanceof StreamStatus.Resync resync && resync.cause() == ResyncCause.OVERFLOW) {
      resync(ResyncCause.OVERFLOW, resync.detail());
    }
    if (!(status instanceof StreamStatus.Resync)) {
      out.status(status);
    }
  }

  private void apply(DepthEvent event) {
    book.apply(event.bids(), event.asks());
    lastUpdateId = event.lastUpdateId();
    engineTime = event.engineTime();
    if (book.isCrossed()) {
      resync(ResyncCause.CROSSED, "best bid at or above best ask after update " + lastUpdateId);
      return;
    }
    if (backlog() == 0) {
      // Copying the book is the costly part; with deltas already queued behind this one the view would
      // be conflated away at once, so it is built when the backlog is drained.
      publish(BookState.LIVE);
    }
  }

  private int backlog() {
    return backlog.getAsInt();
  }

  /** Drops the current state, tells the listener, and marks the book as resyncing. */
  private void resync(ResyncCause cause, String detail) {
    LOG.info("Order book {} resyncing ({}: {})", symbol, cause, detail);
    synced = false;
    snapshot = null;
    buffer.clear();
    publish(BookState.RESYNCING);
    out.status(new StreamStatus.Resync(cause, detail));
  }

  /** Reads a snapshot when none is held, then applies the buffered deltas it does not cover. */
  private void trySync() {
    if (snapshot == null) {
      try {
        snapshot = snapshots.apply(symbol);
      } catch (RuntimeException e) {
        // The next delta retries; deltas keep arriving on a live market, so this paces itself.
        LOG.warn("Order book {}: depth snapshot failed: {}", symbol, e.toString());
        out.status(new StreamStatus.Resync(ResyncCause.SNAPSHOT_FAILED, e.getClass().getSimpleName()));
        return;
      }
    }
    long snapshotId = Long.parseLong(snapshot.lastUpdateId());
    buffer.removeIf(delta -> delta.lastUpdateId() <= snapshotId);
    if (buffer.isEmpty()) {
      return; // wait for a delta past the snapshot
    }
    if (buffer.get(0).firstUpdateId() > snapshotId + 1) {
      snapshot = null; // older than the deltas we hold: read it again with the next delta
      return;
    }
    book.reset(snapshot.bids(), snapshot.asks());
    lastUpdateId = snapshotId;
    engineTime = snapshot.timestamp();
    synced = true;
    List<DepthEvent> pending = new ArrayList<>(buffer);
    buffer.clear();
    for (DepthEvent delta : pending) {
      if (!synced) {
        buffer.add(delta);
      } else {
        onEvent(delta);
      }
    }
  }

  private void publish(BookState state) {
    OrderBook view = new OrderBook(symbol, book.bids(), book.asks(), lastUpdateId, state, engineTime);
    latest.set(view);
    out.offer(view);
  }
}
