package dev.bpx.paper.feed;

import dev.bpx.paper.engine.ExchangeView;
import dev.bpx.paper.ledger.Accounts;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.Side;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;

/**
 * The users' resting orders of one market, per side and price (upstream mode: what this exchange adds
 * to the upstream's book when it shows it, over REST and on the streams). Immutable.
 */
public record OwnLevels(Map<BigDecimal, BigDecimal> asks, Map<BigDecimal, BigDecimal> bids) {
  public OwnLevels {
    asks = java.util.Collections.unmodifiableMap(new TreeMap<>(asks));
    bids = java.util.Collections.unmodifiableMap(new TreeMap<>(bids));
  }

  /** {@return the users' resting quantity per price on each side of a market (none for an unknown one)} */
  public static OwnLevels of(ExchangeView e, String symbol) {
    Map<BigDecimal, BigDecimal> asks = new TreeMap<>();
    Map<BigDecimal, BigDecimal> bids = new TreeMap<>();
    ExchangeView.Market m = e.markets().get(symbol);
    if (m != null) {
      collect(m, Side.Ask, asks);
      collect(m, Side.Bid, bids);
    }
    return new OwnLevels(asks, bids);
  }

  private static void collect(ExchangeView.Market m, Side side, Map<BigDecimal, BigDecimal> out) {
    for (Map.Entry<BigDecimal, ArrayDeque<Order>> level : m.book().levels(side).entrySet()) {
      BigDecimal q = BigDecimal.ZERO;
      for (Order o : level.getValue()) {
        if (!Accounts.isSystem(o.account())) {
          q = q.add(o.remaining());
        }
      }
      if (q.signum() > 0) {
        out.put(level.getKey(), q);
      }
    }
  }

  /** {@return the users' quantity at a price on a side, zero when none} */
  public BigDecimal at(Side side, BigDecimal price) {
    return (side == Side.Ask ? asks : bids).getOrDefault(price, BigDecimal.ZERO);
  }

  public boolean isEmpty() {
    return asks.isEmpty() && bids.isEmpty();
  }
}
