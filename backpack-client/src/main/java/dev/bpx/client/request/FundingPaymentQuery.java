package dev.bpx.client.request;

/**
 * Filters and paging for {@code GET /wapi/v1/history/funding}: funding paid and received on perp positions ({@code backpack-api.md} 2.6). Every part is
 * optional: an unset one is left to the exchange; paging is in {@link HistoryQuery}.
 *
 * <pre>{@code
 * FundingPaymentQuery.builder().symbol("SOL_USDC_PERP").build()
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class FundingPaymentQuery extends HistoryQuery {
  private FundingPaymentQuery(Builder builder) {
    super(builder);
  }

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a query with nothing set: the exchange's defaults} */
  public static FundingPaymentQuery all() {
    return builder().build();
  }

  /** {@return perp market, e.g. {@code SOL_USDC_PERP}; null to leave it to the exchange} */
  public String symbol() {
    return (String) filter("symbol");
  }

  /** Builds a {@link FundingPaymentQuery}. Not thread-safe. */
  public static final class Builder extends HistoryQuery.Builder<Builder, FundingPaymentQuery> {
    private Builder() {
      super(FundingPaymentQuery::new, "symbol");
    }

    /** Sets symbol: perp market, e.g. {@code SOL_USDC_PERP}. @return this */
    public Builder symbol(String symbol) {
      return set("symbol", symbol);
    }
  }
}
