package dev.bpx.client;

import static dev.bpx.client.TestExchange.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.Order;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dead-man switch on a clock the test moves, and once on its own thread against a scripted exchange. */
class DeadManSwitchTest {
  private static final Duration IDLE = Duration.ofMinutes(10);
  private static final EmergencyStopReport CLEAN = new EmergencyStopReport(List.of(), List.of(), List.of(), List.of());

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final AtomicInteger sweeps = new AtomicInteger();
  private TestExchange exchange;

  @AfterEach
  void close() {
    if (exchange != null) {
      exchange.close();
    }
  }

  private DeadManSwitch deadMan(Supplier<EmergencyStopReport> sweep) {
    return new DeadManSwitch(IDLE, () -> {
      sweeps.incrementAndGet();
      return sweep.get();
    }, nanos::get);
  }

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  void itCancelsOnceTheIdleTimeHasPassedAndNotBefore() {
    DeadManSwitch deadMan = deadMan(() -> CLEAN);
    advance(IDLE.minusNanos(1));
    deadMan.tick();
    assertThat(sweeps).hasValue(0);

    advance(Duration.ofNanos(1));
    deadMan.tick();
    assertThat(sweeps).hasValue(1);
    assertThat(deadMan.sweepsDone()).isEqualTo(1);
    assertThat(deadMan.lastSweep()).contains(CLEAN);
  }

  @Test
  void aTouchPostponesTheSweepByAWholeIdleTime() {
    DeadManSwitch deadMan = deadMan(() -> CLEAN);
    advance(IDLE.minusMinutes(1));
    deadMan.touch();
    advance(IDLE.minusNanos(1));
    deadMan.tick();
    assertThat(sweeps).as("idle for one nanosecond less than the idle time since the touch").hasValue(0);

    advance(Duration.ofNanos(1));
    deadMan.tick();
    assertThat(sweeps).hasValue(1);
  }

  @Test
  void afterASweepItStaysArmedAndFiresAgainAfterAnotherIdleTime() {
    DeadManSwitch deadMan = deadMan(() -> CLEAN);
    advance(IDLE);
    deadMan.tick();
    deadMan.tick();
    assertThat(sweeps).as("the idle time counts again from the sweep, not a sweep per tick").hasValue(1);

    advance(IDLE.minusNanos(1));
    deadMan.tick();
    assertThat(sweeps).hasValue(1);
    advance(Duration.ofNanos(1));
    deadMan.tick();
    assertThat(sweeps).hasValue(2);
    assertThat(deadMan.isArmed()).isTrue();
  }

  @Test
  void whileBusyNoSweepStartsAndTheIdleTimeCountsFromTheLastCheckThatFoundItBusy() {
    java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean(true);
    DeadManSwitch deadMan = new DeadManSwitch(IDLE, busy::get, () -> {
      sweeps.incrementAndGet();
      return CLEAN;
    }, nanos::get);
    advance(IDLE.multipliedBy(3));
    deadMan.tick();
    assertThat(sweeps).as("a call in flight for three idle times").hasValue(0);

    busy.set(false);
    advance(IDLE.minusNanos(1));
    deadMan.tick();
    assertThat(sweeps).as("idle one nanosecond less than the idle time since the busy check").hasValue(0);

    advance(Duration.ofNanos(1));
    deadMan.tick();
    assertThat(sweeps).hasValue(1);
  }

  @Test
  void theBusyCheckIsAskedOnlyOnceTheIdleTimeHasPassed() {
    AtomicInteger asked = new AtomicInteger();
    DeadManSwitch deadMan = new DeadManSwitch(IDLE, () -> asked.incrementAndGet() < 0, () -> CLEAN, nanos::get);
    advance(IDLE.minusNanos(1));
    deadMan.tick();
    assertThat(asked).hasValue(0);
    advance(Duration.ofNanos(1));
    deadMan.tick();
    assertThat(asked).hasValue(1);
  }

  @Test
  void closeDisarmsIt() {
    DeadManSwitch deadMan = deadMan(() -> CLEAN);
    deadMan.close();
    advance(IDLE.multipliedBy(3));
    deadMan.tick();
    assertThat(sweeps).hasValue(0);
    assertThat(deadMan.isArmed()).isFalse();
    deadMan.close();
  }

  @Test
  void aFailedSweepIsTriedAgainAtTheNextTickUntilOneSucceeds() {
    EmergencyStopReport failed = new EmergencyStopReport(List.of(), List.of(), List.of(),
        List.of(new EmergencyStopReport.Failure("cancel resting orders", "SOL_USDC", "Service unavailable")));
    List<Supplier<EmergencyStopReport>> answers = new ArrayList<>(List.of(
        () -> failed,
        () -> {
          throw new IllegalStateException("connection refused");
        },
        () -> CLEAN));
    DeadManSwitch deadMan = deadMan(() -> answers.remove(0).get());
    advance(IDLE);
    deadMan.tick();
    assertThat(deadMan.sweepsDone()).isZero();
    assertThat(deadMan.lastSweep()).contains(failed);
    deadMan.tick();
    assertThat(deadMan.sweepsDone()).isZero();
    deadMan.tick();
    assertThat(sweeps).hasValue(3);
    assertThat(deadMan.sweepsDone()).isEqualTo(1);
    deadMan.tick();
    assertThat(sweeps).as("no retry once a sweep succeeded").hasValue(3);
  }

  @Test
  void aTouchDuringASweepWaitsForItAndTwoSweepsNeverOverlap() throws Exception {
    CountDownLatch inSweep = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    DeadManSwitch deadMan = deadMan(() -> {
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      inSweep.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      running.decrementAndGet();
      return CLEAN;
    });
    advance(IDLE);
    Thread first = new Thread(deadMan::tick);
    first.start();
    assertThat(inSweep.await(10, TimeUnit.SECONDS)).isTrue();
    Thread second = new Thread(deadMan::tick);
    second.start();
    Thread toucher = new Thread(deadMan::touch);
    toucher.start();
    toucher.join(200);
    assertThat(toucher.isAlive()).as("touch() waits while the sweep runs").isTrue();

    release.countDown();
    first.join(10_000);
    second.join(10_000);
    toucher.join(10_000);
    assertThat(mostAtOnce).hasValue(1);
    assertThat(sweeps).as("the second tick found the idle time restarted by the first sweep").hasValue(1);
  }

  @Test
  void anIdleTimeOfZeroOrLessIsRefused() {
    assertThatThrownBy(() -> new DeadManSwitch(Duration.ZERO, () -> CLEAN, nanos::get))
        .isInstanceOf(ValidationException.class).hasMessageContaining("idle").hasMessageContaining("more than zero");
    assertThatThrownBy(() -> new DeadManSwitch(Duration.ofSeconds(-1), () -> CLEAN, nanos::get))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new DeadManSwitch(null, () -> CLEAN, nanos::get)).isInstanceOf(ValidationException.class);
  }

  @Test
  void theTickIsATenthOfTheIdleTimeBetweenTenMillisecondsAndOneSecond() {
    assertThat(DeadManSwitch.tickInterval(Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(1));
    assertThat(DeadManSwitch.tickInterval(Duration.ofSeconds(3))).isEqualTo(Duration.ofMillis(300));
    assertThat(DeadManSwitch.tickInterval(Duration.ofMillis(50))).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void onItsOwnDaemonThreadItCancelsRestingAndTriggerOrdersAndClosesNoPosition() throws Exception {
    exchange = new TestExchange();
    exchange.enqueueJson("[" + order("1", 11, "SOL_USDC", "Bid", "New", "Limit") + ","
        + order("2", 12, "SOL_USDC_PERP", "Ask", "TriggerPending", "Market") + "]");
    exchange.enqueueJson("[]"); // positions: read only for their markets' trigger orders
    exchange.enqueueJson("[" + order("1", 11, "SOL_USDC", "Bid", "Cancelled", "Limit") + "]");
    exchange.enqueueJson("[]");
    exchange.enqueueJson("[]");
    exchange.enqueueJson("[" + order("2", 12, "SOL_USDC_PERP", "Ask", "Cancelled", "Market") + "]");
    for (int i = 0; i < 40; i++) {
      exchange.enqueueJson("[]"); // later sweeps, on a clock the test does not hold, find nothing open
    }

    try (DeadManSwitch deadMan = exchange.client.orders().deadManSwitch(Duration.ofMillis(100))) {
      exchange.take("GET", "/api/v1/orders", null);
      exchange.take("GET", "/api/v1/position", null);
      for (String[] cancel : List.of(new String[] {"SOL_USDC", "RestingLimitOrder"},
          new String[] {"SOL_USDC", "ConditionalOrder"}, new String[] {"SOL_USDC_PERP", "RestingLimitOrder"},
          new String[] {"SOL_USDC_PERP", "ConditionalOrder"})) {
        Map<String, Object> body = TestExchange.jsonBody(exchange.take("DELETE", "/api/v1/orders", null));
        assertThat(body).containsEntry("symbol", cancel[0]).containsEntry("orderType", cancel[1]);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (deadMan.sweepsDone() == 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(deadMan.sweepsDone()).isEqualTo(1);
      assertThat(deadMan.lastSweep().orElseThrow().cancelled()).extracting(Order::id).containsExactly("1", "2");
      assertThat(deadMan.lastSweep().orElseThrow().closed()).isEmpty();
      assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals("dead-man-switch"))
          .singleElement().satisfies(t -> assertThat(t.isDaemon()).isTrue());
    }
    mockwebserver3.RecordedRequest later;
    while ((later = exchange.server.takeRequest(200, TimeUnit.MILLISECONDS)) != null) {
      assertThat(later.getMethod() + " " + later.getUrl().encodedPath()).as("reads only: no closing order")
          .isIn("GET /api/v1/orders", "GET /api/v1/position");
    }
  }

  @Test
  void theSweepSummaryNamesEachCancelledOrderEachQueuedMarketAndEachFailure() throws Exception {
    com.squareup.moshi.JsonAdapter<Order> adapter = dev.bpx.client.internal.json.JsonCodec.newMoshi().adapter(Order.class);
    Order resting = adapter.fromJson(order("111", 11, "SOL_USDC", "Bid", "Cancelled", "Limit"));
    Order trigger = adapter.fromJson(order("112", 12, "SOL_USDC_PERP", "Ask", "Cancelled", "Market"));
    EmergencyStopReport report = new EmergencyStopReport(List.of(resting, trigger), List.of(), List.of("BTC_USDC"),
        List.of(new EmergencyStopReport.Failure("cancel trigger orders", "ETH_USDC", "Market is closed")));
    assertThat(report.cancelSummary()).isEqualTo("cancelled 2 order(s): SOL_USDC 111, SOL_USDC_PERP 112; cancel queued by"
        + " the exchange on BTC_USDC; FAILED: cancel trigger orders on ETH_USDC: Market is closed");
    assertThat(CLEAN.cancelSummary()).isEqualTo("no open order to cancel");
  }
}
