package dev.bpx.client.request;

import dev.bpx.client.model.InterestPaymentSource;

/**
 * Filters and paging for {@code GET /wapi/v1/history/interest}: interest paid on borrows and earned on lends ({@code backpack-api.md} 2.6). Every part is
 * optional: an unset one is left to the exchange; paging is in {@link HistoryQuery}.
 *
 * <pre>{@code
 * InterestHistoryQuery.builder().asset("USDC").build()
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class InterestHistoryQuery extends HistoryQuery {
  private InterestHistoryQuery(Builder builder) {
    super(builder);
  }

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a query with nothing set: the exchange's defaults} */
  public static InterestHistoryQuery all() {
    return builder().build();
  }

  /** {@return asset, e.g. {@code USDC}; null to leave it to the exchange} */
  public String asset() {
    return (String) filter("asset");
  }

  /** {@return market symbol; null to leave it to the exchange} */
  public String symbol() {
    return (String) filter("symbol");
  }

  /** {@return one borrow-lend position; null to leave it to the exchange} */
  public String positionId() {
    return (String) filter("positionId");
  }

  /** {@return BORROW_LEND or UNREALIZED_PNL; null to leave it to the exchange} */
  public InterestPaymentSource source() {
    return (InterestPaymentSource) filter("source");
  }

  /** Builds a {@link InterestHistoryQuery}. Not thread-safe. */
  public static final class Builder extends HistoryQuery.Builder<Builder, InterestHistoryQuery> {
    private Builder() {
      super(InterestHistoryQuery::new, "asset", "symbol", "positionId", "source");
    }

    /** Sets asset: asset, e.g. {@code USDC}. @return this */
    public Builder asset(String asset) {
      return set("asset", asset);
    }

    /** Sets symbol: market symbol. @return this */
    public Builder symbol(String symbol) {
      return set("symbol", symbol);
    }

    /** Sets positionId: one borrow-lend position. @return this */
    public Builder positionId(String positionId) {
      return set("positionId", positionId);
    }

    /** Sets source: BORROW_LEND or UNREALIZED_PNL. @return this */
    public Builder source(InterestPaymentSource source) {
      return set("source", source);
    }
  }
}
