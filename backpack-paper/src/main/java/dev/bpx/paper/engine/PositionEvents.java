package dev.bpx.paper.engine;

import dev.bpx.paper.events.StreamEvent;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Margin;
import dev.bpx.paper.ledger.PerpPosition;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Order;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code account.positionUpdate} payload of one position, its numbers as REST {@code /api/v1/position}
 * computes them: for the events a command's fills cause ({@link EventLog}) and for the snapshot of open
 * positions a new subscriber gets first ({@link #openPositions}). Stateless.
 */
public final class PositionEvents {
  private PositionEvents() {}

  /**
   * {@return the account's open positions, on every market or on {@code symbol} only, as position updates
   * without an event type (the spec's initial snapshot, sent on subscribe with {@code e} omitted)}; empty
   * when the account is unknown or has none. Reads only: call it on a consistent view.
   */
  public static List<StreamEvent> openPositions(ExchangeView view, String accountKey, String symbol) {
    Account a = view.account(accountKey);
    if (a == null) {
      return List.of();
    }
    List<StreamEvent> out = new ArrayList<>();
    for (Map.Entry<String, PerpPosition> p : a.positions().entrySet()) {
      ExchangeView.Market m = view.markets().get(p.getKey());
      if (m != null && (symbol == null || symbol.equals(p.getKey())) && p.getValue().netQuantity().signum() != 0) {
        out.add(of(null, accountKey, m, p.getValue(), a.openOrders().get(p.getKey()), view.now()));
      }
    }
    return out;
  }

  /**
   * {@return a position update}
   *
   * @param type {@code positionOpened}, {@code positionAdjusted}, {@code positionClosed}, or null in the snapshot
   * @param open the account's open orders on the market (exposure), or null
   */
  static StreamEvent.PositionUpdate of(String type, String account, ExchangeView.Market m, PerpPosition p,
                                       List<Order> open, long now) {
    MarketSpec s = m.spec();
    BigDecimal net = p.netQuantity();
    BigDecimal mark = m.markPrice();
    BigDecimal exposure = Margin.exposureQuantity(net.signum() == 0 ? null : p, open).abs();
    BigDecimal notional = net.abs().multiply(mark);
    BigDecimal breakEven = p.breakEvenPrice();
    int priceScale = s.priceScale() + 4;
    return new StreamEvent.PositionUpdate(account, type, now, s.symbol(), net,
        p.entryPrice().setScale(priceScale, RoundingMode.HALF_EVEN),
        breakEven.setScale(priceScale, RoundingMode.HALF_EVEN), mark, s.imf().fractionFor(notional),
        s.mmf().fractionFor(notional), exposure, exposure.multiply(mark).setScale(6, RoundingMode.HALF_EVEN),
        Long.toString(p.id), p.pnlRealized(), p.unrealizedPnl(mark).setScale(6, RoundingMode.HALF_EVEN));
  }
}
