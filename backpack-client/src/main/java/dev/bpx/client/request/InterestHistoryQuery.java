package dev.bpx.client.request;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.InterestPaymentSource;
import dev.bpx.client.model.SortDirection;

/**
 * Filters and paging for {@code GET /wapi/v1/history/interest}: interest paid on borrows and earned on lends ({@code backpack-api.md} 2.6). Every part is optional.
 *
 * <pre>{@code
 * InterestHistoryQuery.builder().asset("USDC").build()
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 *
 * @param asset asset, e.g. {@code USDC}; null to leave it to the exchange
 * @param symbol market symbol; null to leave it to the exchange
 * @param positionId one borrow-lend position; null to leave it to the exchange
 * @param source BORROW_LEND or UNREALIZED_PNL; null to leave it to the exchange
 * @param limit page size, 1..1000 (exchange default 100); null to leave it to the exchange
 * @param offset rows to skip (exchange default 0); null to leave it to the exchange
 * @param sortDirection ASC or DESC (newest first); null to leave it to the exchange
 */
public record InterestHistoryQuery(
    String asset,
    String symbol,
    String positionId,
    InterestPaymentSource source,
    Integer limit,
    Integer offset,
    SortDirection sortDirection) {

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a query with nothing set: the exchange's defaults} */
  public static InterestHistoryQuery all() {
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
    p.known("source", source);
    p.known("sortDirection", sortDirection);
    p.page(limit, offset);
    p.throwIfAny();
  }

  /** Builds a {@link InterestHistoryQuery}. Not thread-safe. */
  public static final class Builder {
    private String asset;
    private String symbol;
    private String positionId;
    private InterestPaymentSource source;
    private Integer limit;
    private Integer offset;
    private SortDirection sortDirection;

    private Builder() {}

    /** Sets asset: asset, e.g. {@code USDC}. @return this */
    public Builder asset(String asset) {
      this.asset = asset;
      return this;
    }

    /** Sets symbol: market symbol. @return this */
    public Builder symbol(String symbol) {
      this.symbol = symbol;
      return this;
    }

    /** Sets positionId: one borrow-lend position. @return this */
    public Builder positionId(String positionId) {
      this.positionId = positionId;
      return this;
    }

    /** Sets source: BORROW_LEND or UNREALIZED_PNL. @return this */
    public Builder source(InterestPaymentSource source) {
      this.source = source;
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
    public InterestHistoryQuery build() {
      InterestHistoryQuery query = new InterestHistoryQuery(asset, symbol, positionId, source, limit, offset, sortDirection);
      query.validate();
      return query;
    }
  }
}
