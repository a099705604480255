package dev.bpx.client.request;

import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.PositionState;

/**
 * Filters and paging for {@code GET /wapi/v1/history/position}: open and closed perp positions ({@code backpack-api.md} 2.6). Every part is
 * optional: an unset one is left to the exchange; paging is in {@link HistoryQuery}.
 *
 * <pre>{@code
 * PositionHistoryQuery.builder().state(PositionState.CLOSED).build()
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class PositionHistoryQuery extends HistoryQuery {
  private PositionHistoryQuery(Builder builder) {
    super(builder);
  }

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a query with nothing set: the exchange's defaults} */
  public static PositionHistoryQuery all() {
    return builder().build();
  }

  /** {@return perp market; null to leave it to the exchange} */
  public String symbol() {
    return (String) filter("symbol");
  }

  /** {@return OPEN or CLOSED; null to leave it to the exchange} */
  public PositionState state() {
    return (PositionState) filter("state");
  }

  /** {@return only this kind of market; null to leave it to the exchange} */
  public MarketType marketType() {
    return (MarketType) filter("marketType");
  }

  /** Builds a {@link PositionHistoryQuery}. Not thread-safe. */
  public static final class Builder extends HistoryQuery.Builder<Builder, PositionHistoryQuery> {
    private Builder() {
      super(PositionHistoryQuery::new, "symbol", "state", "marketType");
    }

    /** Sets symbol: perp market. @return this */
    public Builder symbol(String symbol) {
      return set("symbol", symbol);
    }

    /** Sets state: OPEN or CLOSED. @return this */
    public Builder state(PositionState state) {
      return set("state", state);
    }

    /** Sets marketType: only this kind of market. @return this */
    public Builder marketType(MarketType marketType) {
      return set("marketType", marketType);
    }
  }
}
