package dev.bpx.client.request;

/**
 * Filters and paging for {@code GET /wapi/v1/history/settlement}: settlements (fees, funding, realized PnL) ({@code backpack-api.md} 2.6). Every part is
 * optional: an unset one is left to the exchange; paging is in {@link HistoryQuery}.
 *
 * <pre>{@code
 * SettlementHistoryQuery.builder().limit(100).build()
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class SettlementHistoryQuery extends HistoryQuery {
  private SettlementHistoryQuery(Builder builder) {
    super(builder);
  }

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a query with nothing set: the exchange's defaults} */
  public static SettlementHistoryQuery all() {
    return builder().build();
  }

  /** Builds a {@link SettlementHistoryQuery}. Not thread-safe. */
  public static final class Builder extends HistoryQuery.Builder<Builder, SettlementHistoryQuery> {
    private Builder() {
      super(SettlementHistoryQuery::new);
    }
  }
}
