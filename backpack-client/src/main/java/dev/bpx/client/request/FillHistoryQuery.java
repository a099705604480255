package dev.bpx.client.request;

import dev.bpx.client.model.FillType;
import dev.bpx.client.model.MarketType;
import java.time.Instant;

/**
 * Filters and paging for {@code GET /wapi/v1/history/fills}: the account's trades ({@code backpack-api.md} 2.6). Every part is
 * optional: an unset one is left to the exchange; paging is in {@link HistoryQuery}.
 *
 * <pre>{@code
 * FillHistoryQuery.builder().symbol("SOL_USDC").from(Instant.parse("2025-01-01T00:00:00Z")).build()
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class FillHistoryQuery extends HistoryQuery {
  private FillHistoryQuery(Builder builder) {
    super(builder);
  }

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a query with nothing set: the exchange's defaults} */
  public static FillHistoryQuery all() {
    return builder().build();
  }

  /** {@return market, e.g. {@code SOL_USDC}; null to leave it to the exchange} */
  public String symbol() {
    return (String) filter("symbol");
  }

  /** {@return fills of one order; null to leave it to the exchange} */
  public String orderId() {
    return (String) filter("orderId");
  }

  /** {@return earliest fill time (sent as epoch milliseconds); null to leave it to the exchange} */
  public Instant from() {
    return (Instant) filter("from");
  }

  /** {@return latest fill time (sent as epoch milliseconds); null to leave it to the exchange} */
  public Instant to() {
    return (Instant) filter("to");
  }

  /** {@return e.g. USER for only the account's own fills, without liquidations; null to leave it to the exchange} */
  public FillType fillType() {
    return (FillType) filter("fillType");
  }

  /** {@return only this kind of market; null to leave it to the exchange} */
  public MarketType marketType() {
    return (MarketType) filter("marketType");
  }

  @Override
  void check(Problems problems) {
    if (from() != null && to() != null && from().isAfter(to())) {
      problems.add("from", "is after to", "swap from and to");
    }
  }

  /** Builds a {@link FillHistoryQuery}. Not thread-safe. */
  public static final class Builder extends HistoryQuery.Builder<Builder, FillHistoryQuery> {
    private Builder() {
      super(FillHistoryQuery::new, "symbol", "orderId", "from", "to", "fillType", "marketType");
    }

    /** Sets symbol: market, e.g. {@code SOL_USDC}. @return this */
    public Builder symbol(String symbol) {
      return set("symbol", symbol);
    }

    /** Sets orderId: fills of one order. @return this */
    public Builder orderId(String orderId) {
      return set("orderId", orderId);
    }

    /** Sets from: earliest fill time (sent as epoch milliseconds). @return this */
    public Builder from(Instant from) {
      return set("from", from);
    }

    /** Sets to: latest fill time (sent as epoch milliseconds). @return this */
    public Builder to(Instant to) {
      return set("to", to);
    }

    /** Sets fillType: e.g. USER for only the account's own fills, without liquidations. @return this */
    public Builder fillType(FillType fillType) {
      return set("fillType", fillType);
    }

    /** Sets marketType: only this kind of market. @return this */
    public Builder marketType(MarketType marketType) {
      return set("marketType", marketType);
    }
  }
}
