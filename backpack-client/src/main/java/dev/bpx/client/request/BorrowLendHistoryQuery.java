package dev.bpx.client.request;

import dev.bpx.client.model.BorrowLendEventType;

/**
 * Filters and paging for {@code GET /wapi/v1/history/borrowLend}: borrow, repay, lend and redeem movements ({@code backpack-api.md} 2.6). Every part is
 * optional: an unset one is left to the exchange; paging is in {@link HistoryQuery}.
 *
 * <pre>{@code
 * BorrowLendHistoryQuery.builder().symbol("USDC").type(BorrowLendEventType.LEND).build()
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class BorrowLendHistoryQuery extends HistoryQuery {
  private BorrowLendHistoryQuery(Builder builder) {
    super(builder);
  }

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a query with nothing set: the exchange's defaults} */
  public static BorrowLendHistoryQuery all() {
    return builder().build();
  }

  /** {@return asset, e.g. {@code USDC}; null to leave it to the exchange} */
  public String symbol() {
    return (String) filter("symbol");
  }

  /** {@return only this kind of movement; null to leave it to the exchange} */
  public BorrowLendEventType type() {
    return (BorrowLendEventType) filter("type");
  }

  /** {@return one borrow-lend position; null to leave it to the exchange} */
  public String positionId() {
    return (String) filter("positionId");
  }

  /** Builds a {@link BorrowLendHistoryQuery}. Not thread-safe. */
  public static final class Builder extends HistoryQuery.Builder<Builder, BorrowLendHistoryQuery> {
    private Builder() {
      super(BorrowLendHistoryQuery::new, "symbol", "type", "positionId");
    }

    /** Sets symbol: asset, e.g. {@code USDC}. @return this */
    public Builder symbol(String symbol) {
      return set("symbol", symbol);
    }

    /** Sets type: only this kind of movement. @return this */
    public Builder type(BorrowLendEventType type) {
      return set("type", type);
    }

    /** Sets positionId: one borrow-lend position. @return this */
    public Builder positionId(String positionId) {
      return set("positionId", positionId);
    }
  }
}
