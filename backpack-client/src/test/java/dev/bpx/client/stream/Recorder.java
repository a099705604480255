package dev.bpx.client.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records a subscription's events and statuses, in delivery order, for assertions with a deadline. */
class Recorder<E> implements StreamListener<E> {
  final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
  final List<Object> history = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public void onEvent(E event) {
    history.add(event); // first: a test that took the item from items then reads history finds it
    items.add(event);
  }

  @Override
  public void onStatus(StreamStatus status) {
    history.add(status);
    items.add(status);
  }

  /** {@return the next item of {@code type}, skipping others} */
  <T> T await(Class<T> type) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<Object> skipped = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      Object item = items.poll(100, TimeUnit.MILLISECONDS);
      if (item == null) {
        continue;
      }
      if (type.isInstance(item)) {
        return type.cast(item);
      }
      skipped.add(item);
    }
    throw new AssertionError("no " + type.getSimpleName() + " within 10 s; saw " + skipped);
  }
}
