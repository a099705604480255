package dev.bpx.paper.bench;

import dev.bpx.auth.json.Json;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.engine.Engine;
import dev.bpx.paper.engine.EngineConfig;
import dev.bpx.paper.engine.MarketFeed;
import dev.bpx.paper.events.StreamEvent;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.market.DefaultMarkets;
import dev.bpx.paper.ws.EventFrames;
import dev.bpx.paper.ws.StreamPublisher;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What producing stream events costs the engine's one writer: in-process matching (PaperBenchmark's
 * resting ask + taking bid pairs) with events off, as without a WebSocket port, and on, as the writer runs
 * it with one (EventLog capture, MarketFeed after each command, EventFrames writing the JSON for a
 * publisher that drops it), rounds alternated so both see the same machine load.
 *
 * <pre>
 * ./mvnw -q -pl backpack-paper test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.bpx.paper.bench.StreamEventsBenchmark
 * </pre>
 */
public final class StreamEventsBenchmark {
  private static final int PAIRS = 50_000;
  private static long sink;

  private StreamEventsBenchmark() {}

  public static void main(String[] args) {
    List<Double> off = new ArrayList<>();
    List<Double> on = new ArrayList<>();
    long[] events = new long[1];
    for (int round = 0; round < 8; round++) {
      off.add(run(false, events));
      on.add(run(true, events));
    }
    Collections.sort(off);
    Collections.sort(on);
    System.out.printf("in-process matching, events off: %,10.0f orders/s%n", off.get(off.size() / 2));
    System.out.printf("in-process matching, events on:  %,10.0f orders/s (%.1f events per order, JSON written)%n",
        on.get(on.size() / 2), events[0] / (8.0 * 2 * PAIRS));
    System.out.println("(medians of 8 rounds of " + 2 * PAIRS + " orders; " + sink + ")");
  }

  private static double run(boolean events, long[] count) {
    var ask = dev.bpx.paper.command.OrderRequest.parse(Json.parse(
        "{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"orderType\":\"Limit\",\"price\":\"100.00\",\"quantity\":\"1\"}"));
    var bid = dev.bpx.paper.command.OrderRequest.parse(Json.parse(
        "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"100.00\",\"quantity\":\"1\"}"));
    Engine e = new Engine(new EngineConfig(1, 1_772_366_400_000L, DefaultMarkets.assets(), DefaultMarkets.markets(),
        PaperExchange.Builder.defaultPortfolio(), 20));
    e.advanceTo(1_772_366_400_000L);
    e.setPrice("SOL_USDC", new BigDecimal("100.00"));
    Account seller = e.accounts().create("seller");
    Account buyer = e.accounts().create("buyer");
    e.ledger().mint(seller, "SOL", new BigDecimal("1000000000"));
    e.ledger().mint(buyer, "USDC", new BigDecimal("1000000000000"));
    MarketFeed feed = new MarketFeed();
    feed.start(e);
    e.events().capture(events);
    StreamPublisher drop = new StreamPublisher() {
      @Override public void publish(String stream, String dataJson) {
        sink += dataJson.length();
      }

      @Override public void publishPrivate(String accountKey, String stream, String dataJson) {
        sink += dataJson.length();
      }
    };
    EventFrames frames = new EventFrames(drop);
    long t0 = System.nanoTime();
    for (int i = 0; i < PAIRS; i++) {
      e.placeOrder(seller, ask);
      publish(e, feed, frames, events, count);
      e.placeOrder(buyer, bid);
      publish(e, feed, frames, events, count);
    }
    return 2.0 * PAIRS / ((System.nanoTime() - t0) / 1e9);
  }

  private static void publish(Engine e, MarketFeed feed, EventFrames frames, boolean events, long[] count) {
    if (!events) {
      return;
    }
    List<StreamEvent> own = e.events().drain(e.now());
    List<StreamEvent> out = new ArrayList<>(own);
    feed.collect(e, out, own);
    count[0] += out.size();
    frames.accept(out);
  }
}
