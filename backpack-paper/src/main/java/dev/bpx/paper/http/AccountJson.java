package dev.bpx.paper.http;

import dev.bpx.auth.json.JsonWriter;
import dev.bpx.paper.engine.ExchangeView;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.AccountSettings;
import dev.bpx.paper.ledger.Balance;
import dev.bpx.paper.ledger.LendPosition;
import dev.bpx.paper.ledger.LiquidationPrice;
import dev.bpx.paper.ledger.Margin;
import dev.bpx.paper.ledger.PerpPosition;
import dev.bpx.paper.market.AssetSpec;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** JSON of the signed account, capital, collateral and position endpoints. */
final class AccountJson {
  private AccountJson() {}

  static void account(JsonWriter w, Account a) {
    AccountSettings s = a.settings;
    long limit = 0;
    long trigger = 0;
    for (Order o : a.orders().values()) {
      if (o.status() == OrderStatus.TriggerPending) {
        trigger++;
      } else if (o.status().isOpen()) {
        limit++;
      }
    }
    w.beginObject()
        .field("autoBorrowSettlements", s.autoBorrowSettlements()).field("autoLend", s.autoLend())
        .field("autoRealizePnl", s.autoRealizePnl()).field("autoRepayBorrows", s.autoRepayBorrows())
        .field("borrowLimit", Fmt.amount(s.borrowLimit()))
        .field("futuresMakerFee", Fmt.amount(s.futuresMakerFeeBps()))
        .field("futuresTakerFee", Fmt.amount(s.futuresTakerFeeBps()))
        .field("leverageLimit", Fmt.amount(s.leverageLimit())).field("limitOrders", limit)
        .field("liquidating", a.liquidating()).field("positionLimit", Fmt.amount(s.positionLimit()))
        .field("spotMakerFee", Fmt.amount(s.spotMakerFeeBps()))
        .field("spotTakerFee", Fmt.amount(s.spotTakerFeeBps())).field("triggerOrders", trigger)
        .endObject();
  }

  /** {@code /capital}: spot balances only; lent funds are not here (backpack-api.md 6.4). */
  static void capital(JsonWriter w, Account a) {
    w.beginObject();
    for (Map.Entry<String, Balance> e : a.balances().entrySet()) {
      Balance b = e.getValue();
      if (b.available().signum() == 0 && b.locked().signum() == 0 && b.staked().signum() == 0) {
        continue;
      }
      w.name(e.getKey()).beginObject().field("available", Fmt.amount(b.available().max(BigDecimal.ZERO)))
          .field("locked", Fmt.amount(b.locked())).field("staked", Fmt.amount(b.staked())).endObject();
    }
    w.endObject();
  }

  static void collateral(JsonWriter w, Margin.Summary s) {
    w.beginObject().field("assetsValue", Fmt.amount(s.assetsValue()))
        .field("borrowLiability", Fmt.amount(s.borrowLiability()))
        .name("collateral").beginArray();
    for (Margin.CollateralRow r : s.collateral()) {
      w.beginObject().field("symbol", r.symbol()).field("assetMarkPrice", Fmt.amount(r.assetMarkPrice()))
          .field("totalQuantity", Fmt.amount(r.totalQuantity()))
          .field("balanceNotional", Fmt.amount(r.balanceNotional()))
          .field("collateralWeight", Fmt.amount(r.collateralWeight()))
          .field("collateralValue", Fmt.amount(r.collateralValue()))
          .field("openOrderQuantity", Fmt.amount(r.openOrderQuantity()))
          .field("lendQuantity", Fmt.amount(r.lendQuantity()))
          .field("availableQuantity", Fmt.amount(r.availableQuantity())).endObject();
    }
    w.endArray()
        .field("imf", Fmt.amount(s.imf())).field("unsettledEquity", "0")
        .field("liabilitiesValue", Fmt.amount(s.liabilitiesValue()))
        .field("marginFraction", s.marginFraction() == null ? null : Fmt.amount(s.marginFraction()))
        .field("mmf", Fmt.amount(s.mmf())).field("netEquity", Fmt.amount(s.netEquity()))
        .field("netEquityAvailable", Fmt.amount(s.netEquityAvailable()))
        .field("netEquityLocked", Fmt.amount(s.netEquityLocked()))
        .field("netExposureFutures", Fmt.amount(s.netExposureFutures()))
        .field("pnlUnrealized", Fmt.amount(s.pnlUnrealized())).endObject();
  }

  static void lendPosition(JsonWriter w, ExchangeView e, LendPosition p) {
    AssetSpec spec = e.assets().get(p.symbol);
    BigDecimal mark = e.assetPrice(p.symbol);
    BigDecimal exposure = p.netQuantity().min(BigDecimal.ZERO);
    BigDecimal notional = exposure.abs().multiply(mark);
    w.beginObject().field("id", Long.toString(p.id)).field("symbol", p.symbol)
        .field("netQuantity", Fmt.amount(p.netQuantity()))
        .field("netExposureQuantity", Fmt.amount(exposure))
        .field("netExposureNotional", Fmt.amount(notional, 6))
        .field("markPrice", Fmt.amount(mark))
        .field("cumulativeInterest", Fmt.amount(p.cumulativeInterest()))
        .field("imf", Fmt.amount(exposure.signum() == 0 ? BigDecimal.ZERO : spec.imf().fractionFor(notional)));
    w.name("imfFunction");
    MarketJson.function(w, spec.imf());
    w.field("mmf", Fmt.amount(exposure.signum() == 0 ? BigDecimal.ZERO : spec.mmf().fractionFor(notional)));
    w.name("mmfFunction");
    MarketJson.function(w, spec.mmf());
    w.field("estLiquidationPrice", "0").endObject();
  }

  /**
   * One position. {@code exactLiquidation} is false for the list form, which writes
   * {@code "0"} as the live API has since 2025-09-01.
   */
  static void position(JsonWriter w, ExchangeView e, Account a, PerpPosition p, Margin.Summary s,
                       boolean exactLiquidation) {
    MarketSpec m = e.market(p.symbol);
    BigDecimal mark = e.markPrice(p.symbol);
    List<Order> open = e.openOrders(a).get(p.symbol);
    BigDecimal exposure = Margin.exposureQuantity(p, open);
    BigDecimal notional = p.netQuantity().abs().multiply(mark);
    BigDecimal entry = p.entryPrice();
    BigDecimal breakEven = p.breakEvenPrice();
    w.beginObject()
        .field("breakEvenPrice", Fmt.amount(breakEven, m.priceScale() + 4))
        .field("entryPrice", Fmt.amount(entry, m.priceScale() + 4))
        .field("estLiquidationPrice", exactLiquidation
            ? Fmt.amount(new LiquidationPrice(e).of(a, p)) : "0")
        .field("imf", Fmt.amount(m.imf().fractionFor(notional)));
    w.name("imfFunction");
    MarketJson.function(w, m.imf());
    w.field("markPrice", Fmt.price(m, mark)).field("mmf", Fmt.amount(m.mmf().fractionFor(notional)));
    w.name("mmfFunction");
    MarketJson.function(w, m.mmf());
    w.field("netCost", Fmt.amount(p.netCost())).field("netQuantity", Fmt.quantity(m, p.netQuantity()))
        .field("netExposureQuantity", Fmt.quantity(m, exposure.abs()))
        .field("netExposureNotional", Fmt.amount(exposure.abs().multiply(mark), 6))
        .field("pnlRealized", Fmt.amount(p.pnlRealized()))
        .field("pnlUnrealized", Fmt.amount(p.unrealizedPnl(mark), 6))
        .field("cumulativeFundingPayment", Fmt.amount(p.cumulativeFunding()))
        .field("subaccountId", (Long) null).field("symbol", p.symbol).field("userId", (long) a.userId)
        .field("positionId", Long.toString(p.id)).field("cumulativeInterest", "0").endObject();
  }
}
