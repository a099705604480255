package dev.bpx.client.internal;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local clock plus a correction measured against the exchange's clock, for {@code X-Timestamp}.
 * The correction is an {@link AtomicLong}, so reads and updates from many threads are safe.
 *
 * <p>Thread-safe.
 */
public final class ClockOffset {
  private final Clock clock;
  private final AtomicLong offsetMillis = new AtomicLong();

  /** Creates a corrected clock over {@code clock}, starting with no correction. */
  public ClockOffset(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** {@return the uncorrected local time, epoch milliseconds} */
  public long localMillis() {
    return clock.millis();
  }

  /** {@return the corrected time (local + offset), epoch milliseconds: what gets signed} */
  public long nowMillis() {
    return clock.millis() + offsetMillis.get();
  }

  /** {@return the current correction in milliseconds (server minus local)} */
  public long offsetMillis() {
    return offsetMillis.get();
  }

  /**
   * Records a measurement: the server said {@code serverMillis} while the local clock went from
   * {@code sentLocalMillis} to {@code receivedLocalMillis}. The server's reading is taken to belong
   * to the midpoint of that round trip.
   *
   * @return the new offset in milliseconds
   */
  public long record(long serverMillis, long sentLocalMillis, long receivedLocalMillis) {
    long midpoint = sentLocalMillis + (receivedLocalMillis - sentLocalMillis) / 2;
    long offset = serverMillis - midpoint;
    offsetMillis.set(offset);
    return offset;
  }
}
