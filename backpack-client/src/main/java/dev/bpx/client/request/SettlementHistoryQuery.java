package dev.bpx.client.request;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.SortDirection;

/**
 * Filters and paging for {@code GET /wapi/v1/history/settlement}: settlements (fees, funding, realized PnL) ({@code backpack-api.md} 2.6). Every part is optional.
 *
 * <pre>{@code
 * SettlementHistoryQuery.builder().limit(100).build()
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 *
 * @param limit page size, 1..1000 (exchange default 100); null to leave it to the exchange
 * @param offset rows to skip (exchange default 0); null to leave it to the exchange
 * @param sortDirection ASC or DESC (newest first); null to leave it to the exchange
 */
public record SettlementHistoryQuery(
    Integer limit,
    Integer offset,
    SortDirection sortDirection) {

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a query with nothing set: the exchange's defaults} */
  public static SettlementHistoryQuery all() {
    return builder().build();
  }

  /**
   * Checks the query.
   *
   * @throws ValidationException for {@code UNKNOWN} enums, a limit outside 1..1000, a negative offset
   */
  public void validate() {
    Problems p = new Problems();
    p.known("sortDirection", sortDirection);
    p.page(limit, offset);
    p.throwIfAny();
  }

  /** Builds a {@link SettlementHistoryQuery}. Not thread-safe. */
  public static final class Builder {
    private Integer limit;
    private Integer offset;
    private SortDirection sortDirection;

    private Builder() {}

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
    public SettlementHistoryQuery build() {
      SettlementHistoryQuery query = new SettlementHistoryQuery(limit, offset, sortDirection);
      query.validate();
      return query;
    }
  }
}
