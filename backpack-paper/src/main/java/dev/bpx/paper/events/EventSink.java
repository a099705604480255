package dev.bpx.paper.events;

import java.util.List;

/**
 * Receives the events of a batch of commands once the batch is durable and readable (the moment the
 * HTTP answers are released), in engine order, on the engine's writer thread. Must not block: the
 * WebSocket front queues per connection.
 */
@FunctionalInterface
public interface EventSink {
  void accept(List<StreamEvent> events);
}
