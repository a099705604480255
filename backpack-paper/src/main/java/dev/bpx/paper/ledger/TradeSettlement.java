package dev.bpx.paper.ledger;

import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.LongSupplier;

/**
 * Applies one trade to both accounts: spot balances or perp positions, fees to the house, and
 * the fill rows of each side's history.
 *
 * <p>Spot fees are charged in the asset received (base for the buyer, quote for the seller);
 * perp fees in USDC. Perp realized PnL is the entry cost released minus the trade's notional,
 * rounded to USDC's scale, which keeps {@code sum(cash) - sum(netCost)} exactly conserved.
 * Engine-owned, not thread-safe.
 */
public final class TradeSettlement {
  private final Ledger ledger;
  private final LongSupplier positionIds;

  public TradeSettlement(Ledger ledger, LongSupplier positionIds) {
    this.ledger = ledger;
    this.positionIds = positionIds;
  }

  /** One side of a trade: who, with which order, and whether it provided the liquidity. */
  public record Party(Account account, Order order, boolean maker) {}

  /**
   * Told of every fill a user account gets (the rows {@code /wapi/v1/history/fills} lists), liquidation
   * fills included, with the perp position after it (null on spot). The engine turns them into stream
   * events; the ledger knows nothing of streams.
   */
  @FunctionalInterface
  public interface FillObserver {
    void filled(Account account, Order order, Records.Fill fill, PerpPosition positionAfter);
  }

  private FillObserver observer = (a, o, f, p) -> { };

  /** Sets who hears of fills (the engine's event log); one observer. */
  public void observeFills(FillObserver observer) {
    this.observer = observer;
  }

  public void settle(MarketSpec market, Party buyer, Party seller, BigDecimal price,
                     BigDecimal quantity, long tradeId, long now) {
    BigDecimal notional = price.multiply(quantity);
    if (market.isPerp()) {
      settlePerp(market, buyer, quantity, price, notional, tradeId, now);
      settlePerp(market, seller, quantity.negate(), price, notional, tradeId, now);
    } else {
      settleSpot(market, buyer, seller, price, quantity, notional, tradeId, now);
    }
  }

  private void settleSpot(MarketSpec m, Party buyer, Party seller, BigDecimal price,
                          BigDecimal quantity, BigDecimal notional, long tradeId, long now) {
    Account b = buyer.account();
    Account s = seller.account();
    // Buyer pays quote, from the order's lock (held at its limit price) or from available.
    Order bo = buyer.order();
    if (bo.locked().signum() > 0) {
      BigDecimal held = bo.price() == null ? notional : bo.price().multiply(quantity);
      held = held.min(bo.locked());
      bo.spendLocked(held);
      ledger.unlock(b, m.quoteSymbol(), held);
    }
    ledger.transfer(b, s, m.quoteSymbol(), notional);
    Order so = seller.order();
    if (so.locked().signum() > 0) {
      BigDecimal held = quantity.min(so.locked());
      so.spendLocked(held);
      ledger.unlock(s, m.baseSymbol(), held);
    }
    ledger.transfer(s, b, m.baseSymbol(), quantity);
    BigDecimal buyerFee = ledger.fee(quantity, feeBps(b, m, buyer.maker()), m.baseSymbol());
    BigDecimal sellerFee = ledger.fee(notional, feeBps(s, m, seller.maker()), m.quoteSymbol());
    ledger.transfer(b, ledger.house(), m.baseSymbol(), buyerFee);
    ledger.transfer(s, ledger.house(), m.quoteSymbol(), sellerFee);
    recordFill(b, bo, m, Side.Bid, price, quantity, buyerFee, m.baseSymbol(), buyer.maker(), tradeId, now, null);
    recordFill(s, so, m, Side.Ask, price, quantity, sellerFee, m.quoteSymbol(), seller.maker(), tradeId, now, null);
  }

  private void settlePerp(MarketSpec m, Party party, BigDecimal signedQty, BigDecimal price,
                          BigDecimal notional, long tradeId, long now) {
    Account a = party.account();
    PerpPosition p = a.positions.get(m.symbol());
    if (p == null) {
      p = new PerpPosition(positionIds.getAsLong(), m.symbol(), now);
      a.positions.put(m.symbol(), p);
    }
    BigDecimal realized = applyToPosition(p, signedQty, price);
    BigDecimal fee = ledger.fee(notional, feeBps(a, m, party.maker()), Ledger.USDC);
    p.fees = p.fees.add(fee);
    ledger.transfer(ledger.house(), a, Ledger.USDC, realized);
    ledger.transfer(a, ledger.house(), Ledger.USDC, fee);
    if (a.recordsHistory()) {
      if (realized.signum() != 0) {
        a.settlements.add(new Records.Settlement(realized, "RealizePnl", now, Long.toString(p.id)));
      }
      if (fee.signum() != 0) {
        a.settlements.add(new Records.Settlement(fee.negate(), "TradingFees", now, Long.toString(p.id)));
      }
    }
    recordFill(a, party.order(), m, signedQty.signum() > 0 ? Side.Bid : Side.Ask, price,
        signedQty.abs(), fee, Ledger.USDC, party.maker(), tradeId, now, p);
    if (!p.isOpen()) {
      p.closedAt = now;
      p.closingPrice = price;
      a.positions.remove(m.symbol());
      if (a.recordsHistory()) {
        a.closedPositions.add(p);
      }
    }
  }

  /**
   * Adds a signed quantity at a price to a position and returns the realized PnL. The realized
   * PnL is paid by the house here and the counterparty's opposite notional is implied by their
   * own cost change, so the sum over accounts of {@code cash - netCost} never moves.
   */
  static BigDecimal applyToPosition(PerpPosition p, BigDecimal signedQty, BigDecimal price) {
    BigDecimal q = p.netQuantity;
    if (q.signum() == 0 || q.signum() == signedQty.signum()) {
      p.netCost = p.netCost.add(signedQty.multiply(price));
      p.netQuantity = q.add(signedQty);
      return BigDecimal.ZERO;
    }
    BigDecimal closing = signedQty.abs().min(q.abs());
    BigDecimal released = closing.compareTo(q.abs()) == 0 ? p.netCost
        : p.netCost.multiply(closing).divide(q.abs(), 6, RoundingMode.HALF_EVEN);
    BigDecimal realized = closing.multiply(price).multiply(BigDecimal.valueOf(q.signum())).subtract(released);
    p.netCost = p.netCost.subtract(released);
    p.netQuantity = q.add(closing.multiply(BigDecimal.valueOf(signedQty.signum())));
    p.pnlRealized = p.pnlRealized.add(realized);
    p.closedVolume = p.closedVolume.add(closing);
    BigDecimal opening = signedQty.abs().subtract(closing);
    if (opening.signum() > 0) {
      BigDecimal open = opening.multiply(BigDecimal.valueOf(signedQty.signum()));
      p.netCost = p.netCost.add(open.multiply(price));
      p.netQuantity = p.netQuantity.add(open);
    }
    return realized;
  }

  private static BigDecimal feeBps(Account a, MarketSpec m, boolean maker) {
    if (a.system) {
      return BigDecimal.ZERO;
    }
    AccountSettings s = a.settings;
    if (m.isPerp()) {
      return maker ? s.futuresMakerFeeBps : s.futuresTakerFeeBps;
    }
    return maker ? s.spotMakerFeeBps : s.spotTakerFeeBps;
  }

  private void recordFill(Account a, Order o, MarketSpec m, Side side, BigDecimal price,
                          BigDecimal quantity, BigDecimal fee, String feeSymbol,
                          boolean maker, long tradeId, long now, PerpPosition position) {
    if (!a.recordsHistory()) {
      return;
    }
    Records.Fill fill = new Records.Fill(tradeId, Long.toString(o.id()), o.clientId(), m.symbol(),
        side.name(), price, quantity, fee, feeSymbol, maker, o.systemOrderType(), now);
    a.fills.add(fill);
    observer.filled(a, o, fill, position);
  }
}

