package dev.bpx.client.stream;

import dev.bpx.client.model.OrderExpiryReason;
import java.math.BigDecimal;

/**
 * An event of {@code account.orderUpdate} (all symbols) or {@code account.orderUpdate.<symbol>}, one
 * case per event kind ({@code e}). An event kind this SDK does not know arrives as {@link Unknown} with
 * its raw name, so a new kind on the exchange never breaks parsing; a {@code switch} over this type
 * should still keep a branch for {@code Unknown}. Thread-safe (immutable records).
 */
public sealed interface OrderUpdateEvent {

  /** {@return the order fields shared by every kind} */
  OrderUpdate order();

  /** The order was accepted by the engine ({@code orderAccepted}). */
  record Accepted(OrderUpdate order) implements OrderUpdateEvent {}

  /** The order was cancelled ({@code orderCancelled}). */
  record Cancelled(OrderUpdate order) implements OrderUpdateEvent {}

  /**
   * The order expired ({@code orderExpired}).
   *
   * @param reason why ({@code R}); {@link OrderExpiryReason#UNKNOWN} for a value this SDK does not know
   */
  record Expired(OrderUpdate order, OrderExpiryReason reason) implements OrderUpdateEvent {}

  /**
   * The order (partly) filled ({@code orderFill}).
   *
   * @param fill this fill; the cumulative amounts are in {@link #order()}
   */
  record Filled(OrderUpdate order, Fill fill) implements OrderUpdateEvent {}

  /** The order was modified ({@code orderModified}). */
  record Modified(OrderUpdate order) implements OrderUpdateEvent {}

  /** A trigger order was placed on the book after its trigger fired ({@code triggerPlaced}). */
  record TriggerPlaced(OrderUpdate order) implements OrderUpdateEvent {}

  /** A trigger order failed to be placed ({@code triggerFailed}). */
  record TriggerFailed(OrderUpdate order) implements OrderUpdateEvent {}

  /**
   * An event kind this SDK does not know.
   *
   * @param eventType the raw {@code e} value (null when absent)
   */
  record Unknown(String eventType, OrderUpdate order) implements OrderUpdateEvent {}

  /**
   * One fill of an {@code orderFill} event.
   *
   * @param tradeId trade id ({@code t})
   * @param quantity fill quantity ({@code l})
   * @param price fill price ({@code L})
   * @param maker whether the order was the maker ({@code m})
   * @param fee fee ({@code n})
   * @param feeAsset fee asset ({@code N})
   */
  record Fill(Long tradeId, BigDecimal quantity, BigDecimal price, Boolean maker, BigDecimal fee, String feeAsset) {}
}
