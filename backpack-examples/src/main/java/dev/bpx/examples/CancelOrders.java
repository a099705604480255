package dev.bpx.examples;

import dev.bpx.client.BackpackClient;
import dev.bpx.client.CancelResult;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.List;

/**
 * Cancels orders three ways: by order id, by clientId, and every order on a market. It rests two
 * bids of its own first and cancels only those; "cancel all" runs on the paper exchange only, since
 * on a real account it would cancel your other SOL_USDC orders too.
 *
 * <pre>./mvnw -q -pl backpack-examples exec:java -Dexec.mainClass=dev.bpx.examples.CancelOrders</pre>
 */
public final class CancelOrders {
  private CancelOrders() {}

  static void run(ExampleSession session) {
    BackpackClient client = session.client();
    if (!session.mayPlaceOrders("resting two SOL_USDC bids and cancelling them")) {
      return;
    }
    BigDecimal price = CreateSpotOrder.priceBelowMarket(client, "SOL_USDC", Side.BID);
    Order first = client.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("0.2"), price).build());
    Order second = client.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("0.3"), price).build());
    session.orders("Resting", List.of(first, second));

    CancelResult byId = client.orders().cancel("SOL_USDC", first.id());
    CancelResult byClientId = client.orders().cancelByClientId("SOL_USDC", second.clientId());
    session.orders("Cancelled by id, then by clientId", List.of(order(byId, first), order(byClientId, second)));

    if (session.isPaper()) {
      client.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("0.4"), price).build());
      session.orders("Cancelled with client.orders().cancelAll(\"SOL_USDC\")", client.orders().cancelAll("SOL_USDC").cancelled());
    }
    session.orders("Still open on SOL_USDC", client.orders().listOpenOrders("SOL_USDC"));
  }

  /** The exchange's answer for a cancelled order; an already closed or queued cancel shows the order as placed. */
  private static Order order(CancelResult result, Order placed) {
    return result instanceof CancelResult.Cancelled c ? c.order() : placed;
  }

  public static void main(String[] args) {
    ExampleSession.run(args, CancelOrders::run);
  }
}
