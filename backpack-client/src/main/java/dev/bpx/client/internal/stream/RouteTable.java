package dev.bpx.client.internal.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The subscriptions of one {@link StreamConnection}, by stream name: a name is subscribed on the wire once,
 * however many listeners share it, and each of its frames goes to all of them.
 *
 * <p>Not thread-safe: the connection calls it under its lock. The list {@link #routesOf} returns is a
 * copy-on-write list, so the reader thread may walk it after the lock is released.
 */
final class RouteTable {
  /** One listener's subscription: the channel, which decodes the stream's frames, and the listener's queue. */
  record Route<E>(ChannelSpec<E> spec, DeliveryQueue<E> queue) {
    /** Queues an event the channel's decoder made, hence of type {@code E}. */
    @SuppressWarnings("unchecked")
    void offerUnchecked(Object event) {
      queue.offer((E) event);
    }
  }

  private final Map<String, CopyOnWriteArrayList<Route<?>>> routes = new LinkedHashMap<>();

  /** Adds {@code route}; {@return whether it is the first of its stream, which then needs a SUBSCRIBE} */
  boolean add(Route<?> route) {
    List<Route<?>> list = routes.computeIfAbsent(route.spec().name(), k -> new CopyOnWriteArrayList<>());
    list.add(route);
    return list.size() == 1;
  }

  /** Removes {@code route}; {@return whether it was the last of its stream, which then needs an UNSUBSCRIBE} */
  boolean remove(Route<?> route) {
    String name = route.spec().name();
    List<Route<?>> list = routes.get(name);
    if (list == null || !list.remove(route) || !list.isEmpty()) {
      return false;
    }
    routes.remove(name);
    return true;
  }

  /** {@return the routes of one stream, empty when it has none} */
  List<Route<?>> routesOf(String stream) {
    List<Route<?>> list = routes.get(stream);
    return list == null ? List.of() : list;
  }

  /** {@return whether no stream is subscribed} */
  boolean isEmpty() {
    return routes.isEmpty();
  }

  /** {@return one channel per subscribed stream, to subscribe them all again on a new socket} */
  List<ChannelSpec<?>> channels() {
    List<ChannelSpec<?>> specs = new ArrayList<>();
    routes.values().forEach(list -> specs.add(list.get(0).spec()));
    return specs;
  }

  /** {@return whether a public stream is subscribed, one that ticks while the market lives} */
  boolean carriesMarketData() {
    for (List<Route<?>> list : routes.values()) {
      if (!list.isEmpty() && !list.get(0).spec().isPrivate()) {
        return true;
      }
    }
    return false;
  }

  void forEachQueue(Consumer<DeliveryQueue<?>> action) {
    routes.values().forEach(list -> list.forEach(route -> action.accept(route.queue())));
  }

  /** Closes every queue and forgets every route. */
  void closeAll() {
    forEachQueue(DeliveryQueue::close);
    routes.clear();
  }
}
