package dev.bpx.client;

import dev.bpx.client.internal.ApiRequest;
import dev.bpx.client.internal.ResponseDecoder;
import dev.bpx.client.model.Order;

/** Checks that an order the exchange answered with has the fields the client relies on. */
final class OrderFields {
  private OrderFields() {}

  /** Checks the fields the client relies on; fails with the JSON path of the first one missing. */
  static Order checked(ApiRequest api, Order order, String path) {
    ResponseDecoder.require(api, order.id(), path + ".id");
    ResponseDecoder.require(api, order.symbol(), path + ".symbol");
    ResponseDecoder.require(api, order.side(), path + ".side");
    ResponseDecoder.require(api, order.status(), path + ".status");
    return order;
  }
}
