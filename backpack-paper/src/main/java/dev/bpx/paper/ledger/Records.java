package dev.bpx.paper.ledger;

import java.math.BigDecimal;

/** Immutable history rows, one record per wire shape. Times are epoch milliseconds. */
public final class Records {
  private Records() {}

  /** A fill as {@code /wapi/v1/history/fills} reports it. */
  public record Fill(long tradeId, String orderId, Long clientId, String symbol, String side,
                     BigDecimal price, BigDecimal quantity, BigDecimal fee, String feeSymbol,
                     boolean isMaker, String systemOrderType, long timestamp) {}

  /** A public trade print. */
  public record Trade(long id, BigDecimal price, BigDecimal quantity, BigDecimal quoteQuantity,
                      long timestamp, boolean isBuyerMaker) {}

  /** A funding payment: positive received, negative paid. */
  public record FundingPayment(String symbol, BigDecimal quantity, long intervalEnd,
                               BigDecimal fundingRate) {}

  /** An interest payment on a borrow-lend position. */
  public record InterestPayment(String paymentType, BigDecimal interestRate, long intervalMillis,
                                String marketSymbol, String positionId, BigDecimal quantity,
                                String symbol, long timestamp) {}

  /** A borrow-lend movement (lend, redeem, borrow, repay). */
  public record BorrowLendMovement(String eventType, String positionId, BigDecimal positionQuantity,
                                   BigDecimal quantity, String source, String symbol, long timestamp) {}

  /** A settlement (fees, funding, realized PnL) in USDC. */
  public record Settlement(BigDecimal quantity, String source, long timestamp, String positionId) {}
}
