package dev.bpx.paper.matching;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One market's resting limit orders in price-time priority: best price first, and within a
 * price the order that arrived first. Not thread-safe; owned by the engine thread.
 */
public final class OrderBook {
  private final NavigableMap<BigDecimal, ArrayDeque<Order>> bids = new TreeMap<>(Collections.reverseOrder());
  private final NavigableMap<BigDecimal, ArrayDeque<Order>> asks = new TreeMap<>();
  private long updateId;

  public void add(Order order) {
    sideOf(order.side()).computeIfAbsent(order.price(), p -> new ArrayDeque<>()).addLast(order);
    updateId++;
  }

  public void remove(Order order) {
    NavigableMap<BigDecimal, ArrayDeque<Order>> side = sideOf(order.side());
    ArrayDeque<Order> level = side.get(order.price());
    if (level != null && level.remove(order)) {
      if (level.isEmpty()) {
        side.remove(order.price());
      }
      updateId++;
    }
  }

  /** Marks the book changed after a resting order's remaining quantity shrank. */
  public void touched() {
    updateId++;
  }

  public long updateId() {
    return updateId;
  }

  /** Sets the update counter (snapshot restore, after the orders were added back). */
  public void restoreUpdateId(long id) {
    updateId = id;
  }

  /** {@return the best resting price on a side, or null when it is empty} */
  public BigDecimal best(Side side) {
    NavigableMap<BigDecimal, ArrayDeque<Order>> m = sideOf(side);
    return m.isEmpty() ? null : m.firstKey();
  }

  /** {@return the levels of one side, best first: price to the orders resting there} */
  public NavigableMap<BigDecimal, ArrayDeque<Order>> levels(Side side) {
    return sideOf(side);
  }

  /** {@return orders on the opposite side that a taker at this limit could trade with, best first} */
  public Iterator<Order> matchable(Side takerSide, BigDecimal limit) {
    NavigableMap<BigDecimal, ArrayDeque<Order>> book = sideOf(takerSide.opposite());
    Map<BigDecimal, ArrayDeque<Order>> view = limit == null ? book : book.headMap(limit, true);
    List<Order> out = new ArrayList<>();
    for (ArrayDeque<Order> level : view.values()) {
      out.addAll(level);
    }
    return out.iterator();
  }

  /** {@return every resting order, bids then asks} */
  public List<Order> all() {
    List<Order> out = new ArrayList<>();
    bids.values().forEach(out::addAll);
    asks.values().forEach(out::addAll);
    return out;
  }

  private NavigableMap<BigDecimal, ArrayDeque<Order>> sideOf(Side side) {
    return side == Side.Bid ? bids : asks;
  }
}
