package dev.bpx.client.request;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.PositionState;
import dev.bpx.client.model.SortDirection;

/**
 * Filters and paging for {@code GET /wapi/v1/history/position}: open and closed perp positions ({@code backpack-api.md} 2.6). Every part is optional.
 *
 * <pre>{@code
 * PositionHistoryQuery.builder().state(PositionState.CLOSED).build()
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 *
 * @param symbol perp market; null to leave it to the exchange
 * @param state OPEN or CLOSED; null to leave it to the exchange
 * @param marketType only this kind of market; null to leave it to the exchange
 * @param limit page size, 1..1000 (exchange default 100); null to leave it to the exchange
 * @param offset rows to skip (exchange default 0); null to leave it to the exchange
 * @param sortDirection ASC or DESC (newest first); null to leave it to the exchange
 */
public record PositionHistoryQuery(
    String symbol,
    PositionState state,
    MarketType marketType,
    Integer limit,
    Integer offset,
    SortDirection sortDirection) {

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a query with nothing set: the exchange's defaults} */
  public static PositionHistoryQuery all() {
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
    p.known("state", state);
    p.known("marketType", marketType);
    p.known("sortDirection", sortDirection);
    p.page(limit, offset);
    p.throwIfAny();
  }

  /** Builds a {@link PositionHistoryQuery}. Not thread-safe. */
  public static final class Builder {
    private String symbol;
    private PositionState state;
    private MarketType marketType;
    private Integer limit;
    private Integer offset;
    private SortDirection sortDirection;

    private Builder() {}

    /** Sets symbol: perp market. @return this */
    public Builder symbol(String symbol) {
      this.symbol = symbol;
      return this;
    }

    /** Sets state: OPEN or CLOSED. @return this */
    public Builder state(PositionState state) {
      this.state = state;
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
    public PositionHistoryQuery build() {
      PositionHistoryQuery query = new PositionHistoryQuery(symbol, state, marketType, limit, offset, sortDirection);
      query.validate();
      return query;
    }
  }
}
