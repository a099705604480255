package dev.bpx.paper.http;

import dev.bpx.auth.json.JsonWriter;
import dev.bpx.paper.engine.ExchangeView;
import dev.bpx.paper.ledger.Records;
import dev.bpx.paper.market.AssetSpec;
import dev.bpx.paper.market.Candles;
import dev.bpx.paper.market.MarginFunction;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.matching.Order;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** JSON of the public market-data endpoints. Rendered under the engine lock. */
final class MarketJson {
  private MarketJson() {}

  static void market(JsonWriter w, MarketSpec m) {
    w.beginObject();
    w.field("symbol", m.symbol()).field("baseSymbol", m.baseSymbol()).field("quoteSymbol", m.quoteSymbol());
    w.field("marketType", m.type().name());
    w.name("filters").beginObject();
    w.name("price").beginObject();
    w.field("minPrice", Fmt.price(m, m.minPrice()));
    w.field("maxPrice", m.maxPrice() == null ? null : Fmt.price(m, m.maxPrice()));
    w.field("tickSize", m.tickSize().toPlainString());
    // The band the engine enforces (OrderValidation.band), as the market states it: the simulated markets' 2 / 0.5,
    // an upstream's own values written as it sent them.
    w.field("maxMultiplier", m.maxMultiplier() == null ? null : m.maxMultiplier().toPlainString());
    w.field("minMultiplier", m.minMultiplier() == null ? null : m.minMultiplier().toPlainString());
    w.field("maxImpactMultiplier", "1.05").field("minImpactMultiplier", "0.95");
    if (m.isPerp()) {
      w.name("meanMarkPriceBand").beginObject().field("maxMultiplier", "1.1").field("minMultiplier", "0.9").endObject();
      w.name("meanPremiumBand").beginObject().field("tolerancePct", "0.05").endObject();
    } else {
      w.name("meanMarkPriceBand").nullValue();
      w.name("meanPremiumBand").nullValue();
    }
    w.field("borrowEntryFeeMaxMultiplier", (String) null).field("borrowEntryFeeMinMultiplier", (String) null);
    w.field("maxPriceUpdateMultiplier", (String) null).field("minPriceUpdateMultiplier", (String) null);
    w.endObject();
    w.name("quantity").beginObject();
    w.field("minQuantity", m.minQuantity().toPlainString());
    w.field("maxQuantity", m.maxQuantity() == null ? null : m.maxQuantity().toPlainString());
    w.field("stepSize", m.stepSize().toPlainString());
    w.endObject();
    w.endObject();
    w.name("imfFunction");
    function(w, m.imf());
    w.name("mmfFunction");
    function(w, m.mmf());
    w.field("fundingInterval", m.isPerp() ? Long.valueOf(m.fundingIntervalMillis()) : null);
    w.field("fundingRateUpperBound", Fmt.amount(m.fundingRateUpperBoundBps()));
    w.field("fundingRateLowerBound", Fmt.amount(m.fundingRateLowerBoundBps()));
    w.field("openInterestLimit", Fmt.amount(m.openInterestLimit()));
    w.field("orderBookState", "Open");
    w.field("createdAt", m.createdAt());
    w.field("visible", true);
    w.field("positionLimitWeight", m.isPerp() ? "1" : null);
    w.endObject();
  }

  static void function(JsonWriter w, MarginFunction f) {
    if (f == null) {
      w.nullValue();
      return;
    }
    w.beginObject().field("type", "sqrt").field("base", Fmt.amount(f.base()))
        .field("factor", Fmt.amount(f.factor())).endObject();
  }

  static void ticker(JsonWriter w, ExchangeView.Market m, long now, long windowMillis) {
    List<Candles.Bucket> buckets = m.candles().range(now - windowMillis, now + 1);
    MarketSpec s = m.spec();
    BigDecimal last = m.lastPrice();
    BigDecimal first = buckets.isEmpty() ? last : s.fromTicks(buckets.get(0).open);
    long high = s.toTicks(last);
    long low = high;
    BigDecimal volume = BigDecimal.ZERO;
    BigDecimal quote = BigDecimal.ZERO;
    long trades = 0;
    for (Candles.Bucket b : buckets) {
      high = Math.max(high, b.high);
      low = Math.min(low, b.low);
      volume = volume.add(b.volume);
      quote = quote.add(b.quoteVolume);
      trades += b.trades;
    }
    BigDecimal change = last.subtract(first);
    w.beginObject();
    w.field("symbol", s.symbol());
    w.field("firstPrice", Fmt.price(s, first));
    w.field("lastPrice", Fmt.price(s, last));
    w.field("priceChange", Fmt.price(s, change));
    w.field("priceChangePercent", Fmt.amount(change.divide(first, 6, RoundingMode.HALF_EVEN)));
    w.field("high", Fmt.price(s, s.fromTicks(high)));
    w.field("low", Fmt.price(s, s.fromTicks(low)));
    w.field("volume", Fmt.amount(volume));
    w.field("quoteVolume", Fmt.amount(quote));
    w.field("trades", Long.toString(trades));
    w.endObject();
  }

  static void depth(JsonWriter w, ExchangeView.Market m, int limit, long now) {
    MarketSpec s = m.spec();
    w.beginObject();
    w.name("asks").beginArray();
    levels(w, s, m.book().levels(dev.bpx.paper.matching.Side.Ask), limit, false);
    w.endArray();
    w.name("bids").beginArray();
    levels(w, s, m.book().levels(dev.bpx.paper.matching.Side.Bid), limit, true);
    w.endArray();
    w.field("lastUpdateId", Long.toString(m.book().updateId()));
    w.field("timestamp", now * 1000);
    w.endObject();
  }

  /** Asks best first; bids ascending, so the best bid is last, as the live API sends them. */
  private static void levels(JsonWriter w, MarketSpec s, Map<BigDecimal, ArrayDeque<Order>> book,
                             int limit, boolean reverse) {
    List<String[]> rows = new ArrayList<>();
    for (Map.Entry<BigDecimal, ArrayDeque<Order>> level : book.entrySet()) {
      if (rows.size() == limit) {
        break;
      }
      BigDecimal q = BigDecimal.ZERO;
      for (Order o : level.getValue()) {
        q = q.add(o.remaining());
      }
      rows.add(new String[] {Fmt.price(s, level.getKey()), Fmt.quantity(s, q)});
    }
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(reverse ? rows.size() - 1 - i : i);
      w.beginArray().value(r[0]).value(r[1]).endArray();
    }
  }

  static void kline(JsonWriter w, MarketSpec s, long start, long end, List<Candles.Bucket> in) {
    w.beginObject();
    w.field("start", Fmt.kline(start)).field("end", Fmt.kline(end));
    if (in.isEmpty()) {
      w.field("open", (String) null).field("high", (String) null).field("low", (String) null).field("close", (String) null);
      w.field("volume", "0").field("quoteVolume", "0").field("trades", "0");
    } else {
      Candles.Summary sum = Candles.Summary.of(in);
      w.field("open", Fmt.price(s, s.fromTicks(sum.open())));
      w.field("high", Fmt.price(s, s.fromTicks(sum.high())));
      w.field("low", Fmt.price(s, s.fromTicks(sum.low())));
      w.field("close", Fmt.price(s, s.fromTicks(sum.close())));
      w.field("volume", Fmt.amount(sum.volume())).field("quoteVolume", Fmt.amount(sum.quoteVolume()));
      w.field("trades", Long.toString(sum.trades()));
    }
    w.endObject();
  }

  static void trade(JsonWriter w, MarketSpec s, Records.Trade t) {
    w.beginObject().field("id", t.id()).field("price", Fmt.price(s, t.price()))
        .field("quantity", Fmt.quantity(s, t.quantity())).field("quoteQuantity", Fmt.amount(t.quoteQuantity()))
        .field("timestamp", t.timestamp()).field("isBuyerMaker", t.isBuyerMaker()).endObject();
  }

  static void markPrice(JsonWriter w, ExchangeView.Market m, long now) {
    MarketSpec s = m.spec();
    w.beginObject();
    w.field("symbol", s.symbol());
    w.field("markPrice", Fmt.price(s, m.markPrice()));
    if (s.isPerp()) {
      w.field("indexPrice", Fmt.price(s, m.markPrice()));
      w.field("fundingRate", Fmt.amount(m.fundingRate()));
      w.field("nextFundingTimestamp", m.nextFunding(now));
    } else {
      w.field("indexPrice", Fmt.price(s, m.markPrice()));
      w.field("fundingRate", (String) null);
      w.field("nextFundingTimestamp", (Long) null);
    }
    w.endObject();
  }

  static void openInterest(JsonWriter w, ExchangeView.Market m, BigDecimal openInterest, long now) {
    w.beginObject().field("symbol", m.spec().symbol()).field("openInterest", Fmt.quantity(m.spec(), openInterest))
        .field("timestamp", now).endObject();
  }

  static void asset(JsonWriter w, AssetSpec a) {
    w.beginObject().field("symbol", a.symbol()).field("displayName", a.displayName())
        .field("coingeckoId", a.coingeckoId());
    w.name("tokens").beginArray().beginObject()
        .field("displayName", a.displayName()).field("blockchain", a.blockchain())
        .field("contractAddress", (String) null).field("depositEnabled", true)
        .field("minimumDeposit", "0").field("withdrawEnabled", true)
        .field("minimumWithdrawal", a.stepSize().toPlainString()).field("maximumWithdrawal", (String) null)
        .field("withdrawalFee", "0").field("nativeDecimals", (long) a.scale())
        .endObject().endArray();
    w.endObject();
  }

  static void collateralParams(JsonWriter w, AssetSpec a) {
    w.beginObject().field("symbol", a.symbol());
    w.name("imfFunction");
    function(w, a.imf());
    w.name("mmfFunction");
    function(w, a.mmf());
    w.name("haircutFunction").beginObject().field("weight", Fmt.amount(a.collateralWeight()))
        .name("kind").beginObject().field("type", "identity").endObject().endObject();
    w.endObject();
  }

  static void borrowLendMarket(JsonWriter w, AssetSpec a, BigDecimal markPrice, BigDecimal lent,
                               BigDecimal borrowed, long now) {
    BigDecimal utilization = lent.signum() == 0 ? BigDecimal.ZERO
        : borrowed.divide(lent, MathContext.DECIMAL64).setScale(6, RoundingMode.HALF_EVEN);
    w.beginObject().field("symbol", a.symbol()).field("state", "Open")
        .field("assetMarkPrice", Fmt.amount(markPrice))
        .field("borrowInterestRate", Fmt.amount(a.borrowRate()))
        .field("lendInterestRate", Fmt.amount(a.lendRate()))
        .field("borrowedQuantity", Fmt.amount(borrowed)).field("lentQuantity", Fmt.amount(lent))
        .field("fee", "0").field("utilization", Fmt.amount(utilization))
        .field("optimalUtilization", "0.8").field("maxUtilization", "0.9")
        .field("openBorrowLendLimit", "100000000").field("throttleUtilizationThreshold", "0.9")
        .field("throttleUtilizationBound", "0.95").field("throttleUpdateFraction", "0.1")
        .field("stepSize", a.stepSize().toPlainString()).field("timestamp", Fmt.rfc3339(now))
        .endObject();
  }
}
