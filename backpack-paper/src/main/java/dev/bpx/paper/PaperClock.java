package dev.bpx.paper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that tests (and the control API) can move forward: a base clock plus an offset.
 * {@link #fixed} starts from a fixed instant, so time moves only when advanced. Thread-safe.
 */
public final class PaperClock extends Clock {
  private final Clock base;
  private final AtomicLong offsetMillis = new AtomicLong();

  public PaperClock(Clock base) {
    this.base = base;
  }

  /** {@return a clock that stands still at {@code start} until advanced} */
  public static PaperClock fixed(Instant start) {
    return new PaperClock(Clock.fixed(start, ZoneOffset.UTC));
  }

  public static PaperClock system() {
    return new PaperClock(Clock.systemUTC());
  }

  /** Moves time forward. */
  public void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("duration < 0");
    }
    offsetMillis.addAndGet(d.toMillis());
  }

  public long offsetMillis() {
    return offsetMillis.get();
  }

  void setOffsetMillis(long offset) {
    offsetMillis.set(offset);
  }

  @Override
  public long millis() {
    return base.millis() + offsetMillis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
