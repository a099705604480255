package dev.bpx.mcp.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/** Parses the dead-man switch's idle time. */
final class DeadManSettings {
  /** The longest dead-man switch idle time: a week. */
  private static final BigDecimal MAX_IDLE_MINUTES = BigDecimal.valueOf(7 * 24 * 60);

  private DeadManSettings() {}

  /** Minutes, fractions allowed (0.5 = 30 s), counted to the millisecond; from 1 second to a week. */
  static Duration parseIdleMinutes(Optional<String> text) {
    if (text.isEmpty()) {
      return null;
    }
    String name = Settings.CANCEL_AFTER_IDLE_MINUTES;
    BigDecimal minutes;
    try {
      minutes = new BigDecimal(text.get());
    } catch (NumberFormatException e) {
      throw new ConfigException(name, name + " '" + text.get() + "' is not a number of minutes: set it to e.g. 10, or 0.5"
          + " for 30 seconds, or remove it to turn the dead-man switch off", null, null);
    }
    BigDecimal millis = minutes.multiply(BigDecimal.valueOf(60_000)).setScale(0, java.math.RoundingMode.HALF_UP);
    if (millis.compareTo(BigDecimal.valueOf(1000)) < 0 || minutes.compareTo(MAX_IDLE_MINUTES) > 0) {
      throw new ConfigException(name, name + " must be at least 1 second (0.0167 minutes) and at most a week (10080 minutes), got "
          + text.get() + ": set it to e.g. 10, or remove it to turn the dead-man switch off", null, null);
    }
    return Duration.ofMillis(millis.longValueExact());
  }
}
