package dev.bpx.client.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.stream.DeliveryPolicy;
import dev.bpx.client.model.RfqStatus;
import dev.bpx.client.stream.StreamListener;
import dev.bpx.client.stream.StreamStatus;
import dev.bpx.client.model.OrderUpdateOrigin;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The three overflow policies, driven by hand: the executor runs the drain only when the test says so. */
class DeliveryQueueTest {
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private final Executor manual = tasks::add;
  private final List<Object> delivered = new ArrayList<>();
  private final StreamListener<Integer> listener = new StreamListener<>() {
    @Override
    public void onEvent(Integer event) {
      delivered.add(event);
    }

    @Override
    public void onStatus(StreamStatus status) {
      delivered.add(status);
    }
  };

  private void runAll() {
    while (!tasks.isEmpty()) {
      tasks.poll().run();
    }
  }

  @Test
  void conflateKeepsOnlyTheNewestEventButEveryStatus() {
    DeliveryQueue<Integer> queue = new DeliveryQueue<>("ticker.X", DeliveryPolicy.CONFLATE, 100, listener, manual);
    queue.offer(1);
    queue.status(new StreamStatus.Connected());
    queue.offer(2);
    queue.offer(3);
    assertThat(tasks).hasSize(1); // one drain task, however many offers
    runAll();
    assertThat(delivered).containsExactly(new StreamStatus.Connected(), 3);
  }

  @Test
  void dropOldestKeepsTheNewestCapacityEventsAndReportsTheCountFirst() {
    DeliveryQueue<Integer> queue = new DeliveryQueue<>("trade.X", DeliveryPolicy.DROP_OLDEST, 3, listener, manual);
    for (int i = 1; i <= 10; i++) {
      queue.offer(i);
    }
    runAll();
    assertThat(delivered).containsExactly(new StreamStatus.Dropped(7), 8, 9, 10);
  }

  @Test
  void resyncOnOverflowDeliversTheQueuedPrefixThenOneResyncThenLaterEvents() {
    DeliveryQueue<Integer> queue =
        new DeliveryQueue<>("account.orderUpdate", DeliveryPolicy.RESYNC_ON_OVERFLOW, 3, listener, manual);
    for (int i = 1; i <= 10; i++) {
      queue.offer(i);
    }
    runAll();
    queue.offer(11);
    runAll();
    assertThat(delivered).hasSize(5);
    assertThat(delivered.subList(0, 3)).containsExactly(1, 2, 3);
    assertThat(delivered.get(3)).isInstanceOfSatisfying(StreamStatus.Resync.class, resync -> {
      assertThat(resync.cause()).isEqualTo(StreamStatus.ResyncCause.OVERFLOW);
      assertThat(resync.detail()).startsWith("7 events lost");
    });
    assertThat(delivered.get(4)).isEqualTo(11);
  }

  @Test
  void aListenerThatThrowsGetsTheNextEventAnyway() {
    List<Integer> seen = new ArrayList<>();
    DeliveryQueue<Integer> queue = new DeliveryQueue<>("trade.X", DeliveryPolicy.DROP_OLDEST, 10, event -> {
      seen.add(event);
      if (event == 1) {
        throw new IllegalStateException("listener bug");
      }
    }, manual);
    queue.offer(1);
    queue.offer(2);
    runAll();
    assertThat(seen).containsExactly(1, 2);
  }

  @Test
  void afterCloseNothingIsDelivered() {
    DeliveryQueue<Integer> queue = new DeliveryQueue<>("trade.X", DeliveryPolicy.DROP_OLDEST, 10, listener, manual);
    queue.offer(1);
    queue.close();
    queue.offer(2);
    runAll();
    assertThat(delivered).isEmpty();
  }

  @Test
  void streamEnumsMapInventedValuesToUnknown() {
    assertThat(RfqStatus.fromWire("Teleported")).isEqualTo(RfqStatus.UNKNOWN);
    assertThat(RfqStatus.fromWire("Filled")).isEqualTo(RfqStatus.FILLED);
    assertThat(OrderUpdateOrigin.fromWire("ALIENS")).isEqualTo(OrderUpdateOrigin.UNKNOWN);
    assertThat(OrderUpdateOrigin.fromWire(null)).isEqualTo(OrderUpdateOrigin.UNKNOWN);
  }
}
