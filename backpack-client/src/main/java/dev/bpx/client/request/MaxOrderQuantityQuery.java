package dev.bpx.client.request;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.Side;
import java.math.BigDecimal;

/**
 * Asks {@code GET /api/v1/account/limits/order} for the largest order the account can place
 * ({@code backpack-api.md} 2.2).
 *
 * <pre>{@code
 * MaxOrderQuantity max = client.orders().getMaxOrderQuantity(
 *     MaxOrderQuantityQuery.of("SOL_USDC_PERP", Side.BID).price(new BigDecimal("140")).build());
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 *
 * @param symbol market
 * @param side side of the hypothetical order
 * @param price limit price; null for a market order
 * @param reduceOnly whether the order would be reduce-only
 * @param autoBorrow whether the order may borrow
 * @param autoBorrowRepay whether the order may repay borrows
 * @param autoLendRedeem whether the order may redeem lends
 */
public record MaxOrderQuantityQuery(
    String symbol,
    Side side,
    BigDecimal price,
    Boolean reduceOnly,
    Boolean autoBorrow,
    Boolean autoBorrowRepay,
    Boolean autoLendRedeem) {

  /** {@return a builder for a market and side} */
  public static Builder of(String symbol, Side side) {
    return new Builder(symbol, side);
  }

  /**
   * Checks the query.
   *
   * @throws ValidationException for a missing symbol or side, {@code UNKNOWN} side, non-positive price
   */
  public void validate() {
    Problems p = new Problems();
    p.requireSymbol("symbol", symbol);
    p.requireValue("side", side, "use Side.BID or Side.ASK");
    p.known("side", side);
    p.positive("price", price);
    p.throwIfAny();
  }

  /** Builds a {@link MaxOrderQuantityQuery}. Not thread-safe. */
  public static final class Builder {
    private final String symbol;
    private final Side side;
    private BigDecimal price;
    private Boolean reduceOnly;
    private Boolean autoBorrow;
    private Boolean autoBorrowRepay;
    private Boolean autoLendRedeem;

    private Builder(String symbol, Side side) {
      this.symbol = symbol;
      this.side = side;
    }

    /** Limit price of the hypothetical order. @return this */
    public Builder price(BigDecimal price) {
      this.price = price;
      return this;
    }

    /** Whether the order would be reduce-only. @return this */
    public Builder reduceOnly(boolean value) {
      this.reduceOnly = value;
      return this;
    }

    /** Whether the order may borrow. @return this */
    public Builder autoBorrow(boolean value) {
      this.autoBorrow = value;
      return this;
    }

    /** Whether the order may repay borrows. @return this */
    public Builder autoBorrowRepay(boolean value) {
      this.autoBorrowRepay = value;
      return this;
    }

    /** Whether the order may redeem lends. @return this */
    public Builder autoLendRedeem(boolean value) {
      this.autoLendRedeem = value;
      return this;
    }

    /**
     * {@return the checked query}
     *
     * @throws ValidationException listing every problem
     */
    public MaxOrderQuantityQuery build() {
      MaxOrderQuantityQuery query =
          new MaxOrderQuantityQuery(symbol, side, price, reduceOnly, autoBorrow, autoBorrowRepay, autoLendRedeem);
      query.validate();
      return query;
    }
  }
}
