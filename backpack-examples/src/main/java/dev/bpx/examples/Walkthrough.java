package dev.bpx.examples;

import java.util.List;
import java.util.Map;

/**
 * Runs every example in order, in one session: list orders, create SPOT and PERP orders, a market
 * order by quote quantity, cancel, positions, balances with lent funds.
 *
 * <pre>./mvnw -q -pl backpack-examples exec:java            (Walkthrough is the default main class)
 * ./mvnw -q -pl backpack-examples exec:java -Dexec.args=--place-orders   (real exchange: allow orders)</pre>
 */
public final class Walkthrough {
  private Walkthrough() {}

  static void run(ExampleSession session) {
    List<Map.Entry<String, Runnable>> steps = List.of(
        Map.entry("List open orders", () -> ListOrders.run(session)),
        Map.entry("Create a SPOT limit order", () -> CreateSpotOrder.run(session)),
        Map.entry("Create PERP orders (market, then reduce-only)", () -> CreatePerpOrder.run(session)),
        Map.entry("Market order by quote quantity", () -> MarketOrderByQuote.run(session)),
        Map.entry("Cancel orders", () -> CancelOrders.run(session)),
        Map.entry("Positions", () -> Positions.run(session)),
        Map.entry("Balances with lent funds", () -> Balances.run(session)));
    for (int i = 0; i < steps.size(); i++) {
      session.out().println();
      session.out().println("=== " + (i + 1) + ". " + steps.get(i).getKey() + " ===");
      steps.get(i).getValue().run();
    }
  }

  public static void main(String[] args) {
    ExampleSession.run(args, Walkthrough::run);
  }
}
