package dev.bpx.client.request;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.SortDirection;

/**
 * Filters and paging for {@code GET /wapi/v1/history/orders}: past orders of every status (filled, cancelled, expired...) ({@code backpack-api.md} 2.6). Every part is optional.
 *
 * <pre>{@code
 * OrderHistoryQuery.builder().symbol("SOL_USDC").limit(50).sortDirection(SortDirection.DESC).build()
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 *
 * @param symbol market, e.g. {@code SOL_USDC}; null to leave it to the exchange
 * @param orderId one order's id; null to leave it to the exchange
 * @param marketType only this kind of market; null to leave it to the exchange
 * @param limit page size, 1..1000 (exchange default 100); null to leave it to the exchange
 * @param offset rows to skip (exchange default 0); null to leave it to the exchange
 * @param sortDirection ASC or DESC (newest first); null to leave it to the exchange
 */
public record OrderHistoryQuery(
    String symbol,
    String orderId,
    MarketType marketType,
    Integer limit,
    Integer offset,
    SortDirection sortDirection) {

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a query with nothing set: the exchange's defaults} */
  public static OrderHistoryQuery all() {
    return builder().build();
  }

  /**
   * Checks the query.
   *
   * @throws ValidationException for {@code UNKNOWN} enums, a limit outside 1..1000, a negative offset
   */
  public void validate() {
    Problems p = new Problems();
    p.optionalSymbol("symbol", symbol);
    p.known("marketType", marketType);
    p.known("sortDirection", sortDirection);
    p.page(limit, offset);
    p.throwIfAny();
  }

  /** Builds a {@link OrderHistoryQuery}. Not thread-safe. */
  public static final class Builder {
    private String symbol;
    private String orderId;
    private MarketType marketType;
    private Integer limit;
    private Integer offset;
    private SortDirection sortDirection;

    private Builder() {}

    /** Sets symbol: market, e.g. {@code SOL_USDC}. @return this */
    public Builder symbol(String symbol) {
      this.symbol = symbol;
      return this;
    }

    /** Sets orderId: one order's id. @return this */
    public Builder orderId(String orderId) {
      this.orderId = orderId;
      return this;
    }

    /** Sets marketType: only this kind of market. @return this */
    public Builder marketType(MarketType marketType) {
      this.marketType = marketType;
      return this;
    }

    /** Sets limit: page size, 1..1000 (exchange default 100). @return this */
    public Builder limit(Integer limit) {
      this.limit = limit;
      return this;
    }

    /** Sets offset: rows to skip (exchange default 0). @return this */
    public Builder offset(Integer offset) {
      this.offset = offset;
      return this;
    }

    /** Sets sortDirection: ASC or DESC (newest first). @return this */
    public Builder sortDirection(SortDirection sortDirection) {
      this.sortDirection = sortDirection;
      return this;
    }

    /**
     * {@return the checked query}
     *
     * @throws ValidationException listing every problem
     */
    public OrderHistoryQuery build() {
      OrderHistoryQuery query = new OrderHistoryQuery(symbol, orderId, marketType, limit, offset, sortDirection);
      query.validate();
      return query;
    }
  }
}
