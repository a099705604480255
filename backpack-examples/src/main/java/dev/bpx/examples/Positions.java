package dev.bpx.examples;

import dev.bpx.client.BackpackClient;
import dev.bpx.client.model.Position;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.List;

/**
 * Lists perpetual positions: size (positive long, negative short), entry, mark, PnL and the
 * estimated liquidation price, which Backpack computes exactly only per symbol, so each position is
 * fetched again with {@code getPosition(symbol)}.
 *
 * <pre>./mvnw -q -pl backpack-examples exec:java -Dexec.mainClass=dev.bpx.examples.Positions</pre>
 */
public final class Positions {
  private Positions() {}

  static void run(ExampleSession session) {
    BackpackClient client = session.client();
    session.setUpNewPaperAccount(() -> client.account().listPositions().isEmpty(),
        "no positions: opening a 1 BTC long and a 5 ETH short", () -> {
          client.orders().place(OrderRequest.marketByQuantity("BTC_USDC_PERP", Side.BID, new BigDecimal("1")).build());
          client.orders().place(OrderRequest.marketByQuantity("ETH_USDC_PERP", Side.ASK, new BigDecimal("5")).build());
        });
    List<Position> positions = client.account().listPositions().stream()
        .map(p -> client.account().getPosition(p.symbol()).orElse(p)).toList();
    print(session, positions);
  }

  static void print(ExampleSession session, List<Position> positions) {
    session.table("Perpetual positions (client.account().listPositions())",
        List.of("symbol", "net qty", "entry", "mark", "unrealized PnL", "realized PnL", "est. liquidation"),
        positions.stream().map(p -> List.<Object>of(p.symbol(), ExampleSession.cell(p.netQuantity()),
            ExampleSession.cell(p.entryPrice()), ExampleSession.cell(p.markPrice()), ExampleSession.cell(p.pnlUnrealized()),
            ExampleSession.cell(p.pnlRealized()), ExampleSession.cell(p.estLiquidationPrice()))).toList());
  }

  public static void main(String[] args) {
    ExampleSession.run(args, Positions::run);
  }
}
