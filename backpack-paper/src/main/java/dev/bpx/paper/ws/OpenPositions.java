package dev.bpx.paper.ws;

import dev.bpx.paper.events.StreamEvent;
import java.util.List;

/**
 * Where the front gets the snapshot the spec sends on subscribing to {@code account.positionUpdate}: "the server
 * sends current open positions with the {@code e} field omitted". Called on the server's thread right after the
 * subscription is in place, so no event after the snapshot is missed; one published before it may arrive first,
 * which is harmless because position updates carry the whole position, not a change.
 */
@FunctionalInterface
public interface OpenPositions {
  /**
   * {@return the account's open positions as position updates with a null type}
   *
   * @param accountKey the subscriber's verifying key (the account)
   * @param symbol the market of {@code account.positionUpdate.<symbol>}, or null for every market
   */
  List<StreamEvent> of(String accountKey, String symbol);
}
