package dev.bpx.examples;

import dev.bpx.client.BackpackClient;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.List;

/**
 * Creates PERP orders on SOL_USDC_PERP: a market buy of 1 SOL opens (or adds to) a long, then a
 * reduce-only market sell of 0.5, which may only shrink the position and never opens a short.
 *
 * <pre>./mvnw -q -pl backpack-examples exec:java -Dexec.mainClass=dev.bpx.examples.CreatePerpOrder</pre>
 */
public final class CreatePerpOrder {
  private CreatePerpOrder() {}

  static void run(ExampleSession session) {
    BackpackClient client = session.client();
    OrderRequest open = OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, new BigDecimal("1")).build();
    OrderRequest reduce = OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.ASK, new BigDecimal("0.5"))
        .reduceOnly(true).build();
    if (!session.mayPlaceOrders("a PERP market buy of 1 SOL_USDC_PERP, then a reduce-only market sell of 0.5")) {
      return;
    }
    Order opened = client.orders().place(open);
    Order reduced = client.orders().place(reduce);
    session.orders("PERP market buy, then reduce-only market sell", List.of(opened, reduced));
    Positions.print(session, client.account().getPosition("SOL_USDC_PERP").stream().toList());
  }

  public static void main(String[] args) {
    ExampleSession.run(args, CreatePerpOrder::run);
  }
}
