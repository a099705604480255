package dev.bpx.examples;

import dev.bpx.client.BackpackClient;
import dev.bpx.client.OrderPreview;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A market order by quote quantity: spend about 100 USDC on SOL. The preview walks the order book
 * first (average price, slippage, fee); the fill spends at most 100 USDC, less the rest of a step.
 *
 * <pre>./mvnw -q -pl backpack-examples exec:java -Dexec.mainClass=dev.bpx.examples.MarketOrderByQuote</pre>
 */
public final class MarketOrderByQuote {
  private MarketOrderByQuote() {}

  static void run(ExampleSession session) {
    BackpackClient client = session.client();
    OrderRequest request = OrderRequest.marketByQuoteQuantity("SOL_USDC", Side.BID, new BigDecimal("100")).build();
    OrderPreview p = client.orders().preview(request);
    session.table("Preview: spend 100 USDC on SOL_USDC at market",
        List.of("acceptable", "est. SOL", "avg price", "slippage bps", "est. fee", "problems"),
        List.of(List.<Object>of(p.acceptable(),
            ExampleSession.cell(client.orders().getMarketRules("SOL_USDC").roundQuantity(p.estimatedFillQuantity(), RoundingMode.DOWN)),
            ExampleSession.cell(p.estimatedAveragePrice()), ExampleSession.cell(p.slippageBps()),
            ExampleSession.cell(p.estimatedFee()), String.join("; ", p.problems()))));
    if (!session.mayPlaceOrders("the market order for 100 USDC of SOL")) {
      return;
    }
    Order order = client.orders().place(request);
    session.orders("Filled (OrderRequest.marketByQuoteQuantity)", List.of(order));
    session.out().println("Spent " + ExampleSession.cell(order.executedQuoteQuantity()) + " USDC for "
        + ExampleSession.cell(order.executedQuantity()) + " SOL.");
  }

  public static void main(String[] args) {
    ExampleSession.run(args, MarketOrderByQuote::run);
  }
}
