package dev.bpx.examples;

import dev.bpx.client.BackpackClient;
import dev.bpx.client.OrderPreview;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.TimeInForce;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.List;

/**
 * Creates a SPOT limit order: buy 0.5 SOL, post-only, good till cancelled, 20 % below the last price
 * (so it rests on the book). The price is rounded to the market's tick explicitly; the client would
 * refuse an off-tick price rather than round it silently. A preview comes first.
 *
 * <pre>./mvnw -q -pl backpack-examples exec:java -Dexec.mainClass=dev.bpx.examples.CreateSpotOrder</pre>
 */
public final class CreateSpotOrder {
  private CreateSpotOrder() {}

  static Order run(ExampleSession session) {
    BackpackClient client = session.client();
    BigDecimal price = priceBelowMarket(client, "SOL_USDC", Side.BID);
    OrderRequest request = OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("0.5"), price)
        .timeInForce(TimeInForce.GTC).postOnly(true).build();
    OrderPreview preview = client.orders().preview(request);
    session.table("Preview: buy 0.5 SOL_USDC at " + price.toPlainString() + " (post-only GTC)",
        List.of("acceptable", "rests", "value", "fee if maker", "needs", "problems"),
        List.of(List.<Object>of(preview.acceptable(), ExampleSession.cell(preview.restingQuantity()),
            ExampleSession.cell(preview.orderNotional()), ExampleSession.cell(preview.estimatedFee()),
            ExampleSession.cell(preview.requiredAmount()) + " " + preview.requiredAsset(), String.join("; ", preview.problems()))));
    if (!session.mayPlaceOrders("placing the SPOT limit order")) {
      return null;
    }
    Order order = client.orders().place(request);
    session.orders("Placed (client.orders().place(OrderRequest.limit(...)))", List.of(order));
    return order;
  }

  /** {@return 80 % of the last price for a bid (120 % for an ask), on the market's tick, rounded away from the market} */
  static BigDecimal priceBelowMarket(BackpackClient client, String symbol, Side side) {
    BigDecimal last = client.markets().getTicker(symbol).orElseThrow().lastPrice();
    BigDecimal target = last.multiply(new BigDecimal(side == Side.BID ? "0.8" : "1.2"));
    return client.orders().getMarketRules(symbol).roundPrice(target, side);
  }

  public static void main(String[] args) {
    ExampleSession.run(args, CreateSpotOrder::run);
  }
}
