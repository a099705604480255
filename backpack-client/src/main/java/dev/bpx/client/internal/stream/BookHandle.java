package dev.bpx.client.internal.stream;

import dev.bpx.client.model.Depth;
import dev.bpx.client.stream.OrderBook;
import dev.bpx.client.stream.OrderBookSubscription;
import dev.bpx.client.stream.StreamListener;
import java.util.function.Function;

/** The public handle of one maintained book. Thread-safe. */
public final class BookHandle implements OrderBookSubscription {
  private final BookKeeper keeper;

  private BookHandle(BookKeeper keeper) {
    this.keeper = keeper;
  }

  /**
   * Starts maintaining {@code symbol}'s book over {@code connection}.
   *
   * @param snapshots reads the REST depth snapshot ({@code GET /api/v1/depth})
   */
  public static BookHandle start(StreamConnection connection, String symbol, Function<String, Depth> snapshots,
      StreamListener<OrderBook> listener) {
    return new BookHandle(BookKeeper.start(connection, symbol, snapshots, listener));
  }

  @Override
  public String stream() {
    return "depth." + keeper.book().symbol();
  }

  @Override
  public OrderBook book() {
    return keeper.book();
  }

  @Override
  public void close() {
    keeper.close();
  }
}
