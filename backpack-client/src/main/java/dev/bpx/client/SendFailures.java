package dev.bpx.client;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.OrderNotPlacedException;
import dev.bpx.client.exception.ValidationException;

/**
 * One reading of a failed write, shared by the journal's outcomes, the daily notional's counting and the
 * batch's unknown outcomes, so that they can never disagree about whether an order may exist.
 */
final class SendFailures {
  private SendFailures() {}

  /**
   * {@return whether a failed send certainly placed nothing: refused by the exchange (4xx), confirmed
   * absent after an unknown outcome, refused before sending (the journal), or never sent (a refused
   * connection)} Anything else (5xx, no answer after sending, an unreadable answer) may have placed it.
   */
  static boolean certainlyNotPlaced(RuntimeException e) {
    if (e instanceof NetworkException network) {
      return !network.requestMayHaveReachedExchange();
    }
    if (e instanceof ApiException api) {
      return api.httpStatus() < 500;
    }
    return e instanceof OrderNotPlacedException || e instanceof ValidationException;
  }
}
