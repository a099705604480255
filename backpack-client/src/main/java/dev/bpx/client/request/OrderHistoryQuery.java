package dev.bpx.client.request;

import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.SortDirection;

/**
 * Filters and paging for {@code GET /wapi/v1/history/orders}: past orders of every status (filled, cancelled, expired...) ({@code backpack-api.md} 2.6). Every part is
 * optional: an unset one is left to the exchange; paging is in {@link HistoryQuery}.
 *
 * <pre>{@code
 * OrderHistoryQuery.builder().symbol("SOL_USDC").limit(50).sortDirection(SortDirection.DESC).build()
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class OrderHistoryQuery extends HistoryQuery {
  private OrderHistoryQuery(Builder builder) {
    super(builder);
  }

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a query with nothing set: the exchange's defaults} */
  public static OrderHistoryQuery all() {
    return builder().build();
  }

  /** {@return market, e.g. {@code SOL_USDC}; null to leave it to the exchange} */
  public String symbol() {
    return (String) filter("symbol");
  }

  /** {@return one order's id; null to leave it to the exchange} */
  public String orderId() {
    return (String) filter("orderId");
  }

  /** {@return only this kind of market; null to leave it to the exchange} */
  public MarketType marketType() {
    return (MarketType) filter("marketType");
  }

  /** Builds a {@link OrderHistoryQuery}. Not thread-safe. */
  public static final class Builder extends HistoryQuery.Builder<Builder, OrderHistoryQuery> {
    private Builder() {
      super(OrderHistoryQuery::new, "symbol", "orderId", "marketType");
    }

    /** Sets symbol: market, e.g. {@code SOL_USDC}. @return this */
    public Builder symbol(String symbol) {
      return set("symbol", symbol);
    }

    /** Sets orderId: one order's id. @return this */
    public Builder orderId(String orderId) {
      return set("orderId", orderId);
    }

    /** Sets marketType: only this kind of market. @return this */
    public Builder marketType(MarketType marketType) {
      return set("marketType", marketType);
    }
  }
}
