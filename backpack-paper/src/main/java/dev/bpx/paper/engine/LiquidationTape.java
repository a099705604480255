package dev.bpx.paper.engine;

import dev.bpx.paper.ledger.Liquidator;
import dev.bpx.paper.ledger.Records;
import dev.bpx.paper.matching.Order;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The liquidator's view of the markets' tapes: a liquidation's trade takes its market's next id and is recorded as
 * a public trade like a fill between two orders ({@link MarketState#recordTrade}). A state replayed under the rule
 * before journal version 6 printed none ({@link TradeIds#printsLiquidations}). Engine-owned, not thread-safe.
 */
final class LiquidationTape implements Liquidator.Tape {
  private final Map<String, MarketState> markets;
  private final TradeIds tradeIds;

  LiquidationTape(Map<String, MarketState> markets, TradeIds tradeIds) {
    this.markets = markets;
    this.tradeIds = tradeIds;
  }

  @Override
  public long nextTradeId(String symbol) {
    return tradeIds.next(markets.get(symbol));
  }

  @Override
  public void print(String symbol, long tradeId, BigDecimal price, BigDecimal quantity, boolean buyerMaker,
                    Order buyer, Order seller, long now) {
    if (tradeIds.printsLiquidations()) {
      markets.get(symbol).recordTrade(new Records.Trade(tradeId, price, quantity, price.multiply(quantity), now,
          buyerMaker), Long.toString(buyer.id()), Long.toString(seller.id()));
    }
  }
}
