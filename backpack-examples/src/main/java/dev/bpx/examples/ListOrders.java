package dev.bpx.examples;

import dev.bpx.client.BackpackClient;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;

/**
 * Lists open orders: on every market, spot AND perpetual (no market-type filter by default), then
 * on one market.
 *
 * <pre>./mvnw -q -pl backpack-examples exec:java -Dexec.mainClass=dev.bpx.examples.ListOrders</pre>
 */
public final class ListOrders {
  private ListOrders() {}

  static void run(ExampleSession session) {
    BackpackClient client = session.client();
    session.setUpNewPaperAccount(() -> client.orders().listOpenOrders().isEmpty(),
        "no orders: resting one bid on SOL_USDC and one on SOL_USDC_PERP", () -> {
          for (String symbol : new String[] {"SOL_USDC", "SOL_USDC_PERP"}) {
            BigDecimal price = CreateSpotOrder.priceBelowMarket(client, symbol, Side.BID);
            client.orders().place(OrderRequest.limit(symbol, Side.BID, new BigDecimal("0.5"), price).postOnly(true).build());
          }
        });
    session.orders("Open orders on every market (client.orders().listOpenOrders())", client.orders().listOpenOrders());
    session.orders("Open orders on SOL_USDC_PERP (client.orders().listOpenOrders(\"SOL_USDC_PERP\"))",
        client.orders().listOpenOrders("SOL_USDC_PERP"));
  }

  public static void main(String[] args) {
    ExampleSession.run(args, ListOrders::run);
  }
}
