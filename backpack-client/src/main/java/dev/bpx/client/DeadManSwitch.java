package dev.bpx.client;

import dev.bpx.client.exception.ValidationException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dead-man switch: when {@link #touch()} was not called for the idle time, it cancels every open
 * order on every market, resting and trigger orders alike ({@link OrderService#cancelAllOpenOrders()});
 * positions are left as they are. Get one from {@link OrderService#deadManSwitch(Duration)}.
 *
 * <ul>
 *   <li>One daemon thread per switch checks the idle time every tick: a tenth of the idle time, at least
 *       10 ms and at most 1 s. Nothing is sent to the exchange until the idle time has passed.
 *   <li>At most one cancel sweep runs at a time. {@link #touch()} during a sweep waits for it to end, so
 *       an order placed after {@code touch()} returned is never cancelled by a sweep already under way.
 *   <li>A sweep that fails (no answer, one market's cancel refused) is logged and tried again at the
 *       next tick, until one succeeds.
 *   <li>After a successful sweep the switch stays armed: the idle time counts again from the sweep's end,
 *       so an order placed later and left idle as long is cancelled too.
 *   <li>While the application says it is busy (the {@code busy} check given to {@link
 *       OrderService#deadManSwitch(Duration, BooleanSupplier)}, e.g. calls in flight), it is not idle: no
 *       sweep starts, and the idle time counts from the last check that found it busy. So a slow call
 *       (a confirmation the user takes long to answer, an exchange slow to reply) never has the order it
 *       is placing cancelled under it.
 *   <li>{@link #close()} disarms it for good and ends its thread; a sweep under way still finishes.
 * </ul>
 *
 * <p>The switch acts on the whole account: orders placed elsewhere (another client, the web UI) are
 * cancelled too when this application was idle.
 *
 * <p>Thread-safe.
 */
public final class DeadManSwitch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeadManSwitch.class);
  private static final Duration MIN_TICK = Duration.ofMillis(10);
  private static final Duration MAX_TICK = Duration.ofSeconds(1);

  private final Duration idle;
  private final Supplier<EmergencyStopReport> sweep;
  private final BooleanSupplier busy;
  private final LongSupplier nanoTime;
  /** Held while a sweep runs and while a touch records its time: no sweep overlaps another, nor a touch. */
  private final ReentrantLock lock = new ReentrantLock();
  private volatile ScheduledExecutorService scheduler;
  /** Guarded by lock. */
  private long lastActivityNanos;
  /** Guarded by lock. */
  private long sweepsDone;
  private volatile EmergencyStopReport lastSweep;
  private volatile boolean closed;

  /**
   * A switch without a thread: the caller runs {@link #tick()} (tests, with a clock they move).
   *
   * @param nanoTime a monotonic clock in nanoseconds, as {@link System#nanoTime()}
   */
  DeadManSwitch(Duration idle, Supplier<EmergencyStopReport> sweep, LongSupplier nanoTime) {
    this(idle, () -> false, sweep, nanoTime);
  }

  /**
   * As {@link #DeadManSwitch(Duration, Supplier, LongSupplier)}, not idle while {@code busy} answers true.
   */
  DeadManSwitch(Duration idle, BooleanSupplier busy, Supplier<EmergencyStopReport> sweep, LongSupplier nanoTime) {
    if (idle == null || idle.isZero() || idle.isNegative()) {
      throw new ValidationException("idle", "must be more than zero (got " + idle + ")", "pass e.g. Duration.ofMinutes(10)");
    }
    this.idle = idle;
    this.sweep = sweep;
    this.busy = busy;
    this.nanoTime = nanoTime;
    this.lastActivityNanos = nanoTime.getAsLong();
  }

  /** {@return an armed switch whose daemon thread checks the idle time every {@link #tickInterval(Duration)}} */
  static DeadManSwitch start(Duration idle, BooleanSupplier busy, Supplier<EmergencyStopReport> sweep) {
    DeadManSwitch deadMan = new DeadManSwitch(idle, busy, sweep, System::nanoTime);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "dead-man-switch");
      thread.setDaemon(true);
      return thread;
    });
    long tickMillis = tickInterval(idle).toMillis();
    // Fixed delay: the next check is scheduled after the previous one (and its sweep) ended.
    scheduler.scheduleWithFixedDelay(deadMan::tickLogged, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    deadMan.scheduler = scheduler;
    LOG.info("dead-man switch armed: open orders are cancelled after {} without activity", describe(idle));
    return deadMan;
  }

  /** {@return how often the idle time is checked: a tenth of it, between 10 ms and 1 s} */
  static Duration tickInterval(Duration idle) {
    Duration tenth = idle.dividedBy(10);
    return tenth.compareTo(MIN_TICK) < 0 ? MIN_TICK : tenth.compareTo(MAX_TICK) > 0 ? MAX_TICK : tenth;
  }

  /**
   * Records activity: the idle time counts from now. Waits while a sweep is under way.
   */
  public void touch() {
    lock.lock();
    try {
      lastActivityNanos = nanoTime.getAsLong();
    } finally {
      lock.unlock();
    }
  }

  /** {@return the idle time after which open orders are cancelled} */
  public Duration idle() {
    return idle;
  }

  /** {@return true until {@link #close()}} */
  public boolean isArmed() {
    return !closed;
  }

  /** {@return how many sweeps have succeeded so far} */
  public long sweepsDone() {
    lock.lock();
    try {
      return sweepsDone;
    } finally {
      lock.unlock();
    }
  }

  /** {@return the report of the latest sweep, failed or not; empty before the first} */
  public Optional<EmergencyStopReport> lastSweep() {
    return Optional.ofNullable(lastSweep);
  }

  /** Disarms the switch for good and ends its thread. A sweep under way finishes. Safe to call twice. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (scheduler != null) {
        scheduler.shutdown();
      }
      LOG.info("dead-man switch disarmed");
    }
  }

  /**
   * One check: when the idle time has passed since the last activity (or the last successful sweep),
   * runs a sweep. A failed sweep leaves the idle time passed, so the next check tries again.
   */
  void tick() {
    if (closed) {
      return;
    }
    lock.lock();
    try {
      long idleNanos = nanoTime.getAsLong() - lastActivityNanos;
      if (closed || idleNanos < idle.toNanos()) {
        return;
      }
      if (busy.getAsBoolean()) {
        // Checked under the lock, after the idle time: work that starts later waits in touch() for a sweep.
        lastActivityNanos = nanoTime.getAsLong();
        return;
      }
      EmergencyStopReport report;
      try {
        report = sweep.get();
      } catch (RuntimeException e) {
        LOG.warn("dead-man switch: cancelling the open orders failed ({}); trying again at the next check", e.getMessage());
        return;
      }
      lastSweep = report;
      if (report.succeeded()) {
        sweepsDone++;
        lastActivityNanos = nanoTime.getAsLong();
        if (report.nothingToDo()) {
          LOG.info("dead-man switch: no activity for {}; {}", describe(Duration.ofNanos(idleNanos)), report.cancelSummary());
        } else {
          LOG.warn("dead-man switch: no activity for {}; {}", describe(Duration.ofNanos(idleNanos)), report.cancelSummary());
        }
      } else {
        LOG.warn("dead-man switch: no activity for {}; {}; trying again at the next check",
            describe(Duration.ofNanos(idleNanos)), report.cancelSummary());
      }
    } finally {
      lock.unlock();
    }
  }

  /** The scheduler's task: an escaping throwable would silently end the schedule, so every one is logged. */
  private void tickLogged() {
    try {
      tick();
    } catch (RuntimeException | AssertionError | LinkageError e) {
      LOG.error("dead-man switch: the check failed; trying again at the next check", e);
    }
  }

  /** {@return e.g. "10 min", "30 s" or "250 ms"} */
  static String describe(Duration d) {
    if (d.toMillis() % 60_000 == 0) {
      return d.toMinutes() + " min";
    }
    if (d.toMillis() % 1000 == 0 || d.toMillis() >= 10_000) {
      return d.toSeconds() + " s";
    }
    return d.toMillis() + " ms";
  }
}
