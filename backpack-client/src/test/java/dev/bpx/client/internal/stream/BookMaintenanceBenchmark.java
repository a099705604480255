package dev.bpx.client.internal.stream;

import dev.bpx.client.model.Depth;
import dev.bpx.client.model.PriceLevel;
import dev.bpx.client.stream.DeliveryPolicy;
import dev.bpx.client.stream.DepthEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Deltas per second of the maintained book, on the delivery thread's path: frame text parsed, decoded,
 * applied to a 1000-level book (500 a side) and published as a view. Run by hand (not a test):
 * {@code java -cp <test classpath> dev.bpx.client.internal.stream.BookMaintenanceBenchmark}.
 */
public final class BookMaintenanceBenchmark {
  public static void main(String[] args) throws Exception {
    int levels = 500;
    List<PriceLevel> bids = new ArrayList<>();
    List<PriceLevel> asks = new ArrayList<>();
    for (int i = 0; i < levels; i++) {
      bids.add(new PriceLevel(new BigDecimal("100.00").subtract(new BigDecimal(i).movePointLeft(2)), BigDecimal.ONE));
      asks.add(new PriceLevel(new BigDecimal("100.01").add(new BigDecimal(i).movePointLeft(2)), BigDecimal.ONE));
    }
    Depth snapshot = new Depth(asks, bids, "0", null);
    int n = 200_000;
    String[] frames = new String[n];
    for (int i = 0; i < n; i++) {
      String bid = new BigDecimal("100.00").subtract(new BigDecimal(i % levels).movePointLeft(2)).toPlainString();
      String ask = new BigDecimal("100.01").add(new BigDecimal((i * 7) % levels).movePointLeft(2)).toPlainString();
      frames[i] = "{\"stream\":\"depth.SOL_USDC\",\"data\":{\"e\":\"depth\",\"E\":1700000000000000,\"s\":\"SOL_USDC\","
          + "\"a\":[[\"" + ask + "\",\"" + (1 + i % 5) + "\"]],\"b\":[[\"" + bid + "\",\"" + (1 + i % 3) + "\"]],"
          + "\"U\":" + (i + 1) + ",\"u\":" + (i + 1) + ",\"T\":1700000000000000}}";
    }
    for (int round = 0; round < 6; round++) {
      // Rounds 0-2: a view per delta (no backlog, the worst case); 3-5: bursts of 100 deltas queued.
      boolean bursts = round >= 3;
      int[] applied = {0};
      DeliveryQueue<dev.bpx.client.stream.OrderBook> out =
          new DeliveryQueue<>("book", DeliveryPolicy.CONFLATE, 10, view -> {}, task -> {});
      BookKeeper keeper = new BookKeeper("SOL_USDC", symbol -> snapshot, out);
      keeper.backlog = () -> bursts && ++applied[0] % 100 != 0 ? 1 : 0;
      long start = System.nanoTime();
      for (String frame : frames) {
        DepthEvent event = EventDecoders.depth(new Fields(WireFrame.parse(frame).data()));
        keeper.onEvent(event);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("round %d (%s): %,.0f deltas/s (book %s, last id %d)%n", round,
          bursts ? "bursts of 100" : "view per delta", n / seconds,
          keeper.book().state(), keeper.book().lastUpdateId());
    }
  }
}
