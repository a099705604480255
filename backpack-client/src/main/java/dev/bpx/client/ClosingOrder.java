package dev.bpx.client;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.Position;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;

/** The reduce-only market order that closes a perp position, for closing one and for the emergency stop. */
final class ClosingOrder {
  private ClosingOrder() {}

  /** {@return whether {@code position} holds anything to close} */
  static boolean isOpen(Position position) {
    return position.netQuantity() != null && position.netQuantity().signum() != 0;
  }

  /**
   * {@return the order closing {@code quantity} of an open {@code position} (all of it when null), on the
   * opposite side}
   *
   * @throws ValidationException if {@code quantity} is not more than 0 and at most the position size
   */
  static OrderRequest of(String symbol, Position position, BigDecimal quantity) {
    BigDecimal size = position.netQuantity().abs();
    BigDecimal closing = quantity == null ? size : quantity;
    if (closing.signum() <= 0 || closing.compareTo(size) > 0) {
      throw new ValidationException("quantity", "must be more than 0 and at most the position size " + size.toPlainString(),
          "leave it out to close the whole position");
    }
    Side side = position.netQuantity().signum() > 0 ? Side.ASK : Side.BID;
    return OrderRequest.marketByQuantity(symbol, side, closing).reduceOnly(true).build();
  }
}
