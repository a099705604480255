package dev.bpx.client.request;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.FillType;
import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.SortDirection;
import java.time.Instant;

/**
 * Filters and paging for {@code GET /wapi/v1/history/fills}: the account's trades ({@code backpack-api.md} 2.6). Every part is optional.
 *
 * <pre>{@code
 * FillHistoryQuery.builder().symbol("SOL_USDC").from(Instant.parse("2025-01-01T00:00:00Z")).build()
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 *
 * @param symbol market, e.g. {@code SOL_USDC}; null to leave it to the exchange
 * @param orderId fills of one order; null to leave it to the exchange
 * @param from earliest fill time (sent as epoch milliseconds); null to leave it to the exchange
 * @param to latest fill time (sent as epoch milliseconds); null to leave it to the exchange
 * @param fillType e.g. USER for only the account's own fills, without liquidations; null to leave it to the exchange
 * @param marketType only this kind of market; null to leave it to the exchange
 * @param limit page size, 1..1000 (exchange default 100); null to leave it to the exchange
 * @param offset rows to skip (exchange default 0); null to leave it to the exchange
 * @param sortDirection ASC or DESC (newest first); null to leave it to the exchange
 */
public record FillHistoryQuery(
    String symbol,
    String orderId,
    Instant from,
    Instant to,
    FillType fillType,
    MarketType marketType,
    Integer limit,
    Integer offset,
    SortDirection sortDirection) {

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a query with nothing set: the exchange's defaults} */
  public static FillHistoryQuery all() {
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
    p.known("fillType", fillType);
    p.known("marketType", marketType);
    p.known("sortDirection", sortDirection);
    p.page(limit, offset);
    if (from != null && to != null && from.isAfter(to)) {
      p.add("from", "is after to", "swap from and to");
    }
    p.throwIfAny();
  }

  /** Builds a {@link FillHistoryQuery}. Not thread-safe. */
  public static final class Builder {
    private String symbol;
    private String orderId;
    private Instant from;
    private Instant to;
    private FillType fillType;
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

    /** Sets orderId: fills of one order. @return this */
    public Builder orderId(String orderId) {
      this.orderId = orderId;
      return this;
    }

    /** Sets from: earliest fill time (sent as epoch milliseconds). @return this */
    public Builder from(Instant from) {
      this.from = from;
      return this;
    }

    /** Sets to: latest fill time (sent as epoch milliseconds). @return this */
    public Builder to(Instant to) {
      this.to = to;
      return this;
    }

    /** Sets fillType: e.g. USER for only the account's own fills, without liquidations. @return this */
    public Builder fillType(FillType fillType) {
      this.fillType = fillType;
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
    public FillHistoryQuery build() {
      FillHistoryQuery query = new FillHistoryQuery(symbol, orderId, from, to, fillType, marketType, limit, offset, sortDirection);
      query.validate();
      return query;
    }
  }
}
