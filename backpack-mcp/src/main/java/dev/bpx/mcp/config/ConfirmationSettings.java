package dev.bpx.mcp.config;

import dev.bpx.client.ConfirmationPolicy;
import dev.bpx.client.exception.ValidationException;
import java.util.Optional;

/** Parses which orders the user confirms through the MCP client. */
final class ConfirmationSettings {
  private ConfirmationSettings() {}

  /** Unset: always in live mode (real money), never in paper mode. */
  static ConfirmationPolicy parse(Optional<String> text, Mode mode) {
    if (text.isEmpty()) {
      return mode == Mode.LIVE ? ConfirmationPolicy.always() : ConfirmationPolicy.never();
    }
    try {
      return ConfirmationPolicy.parse(text.get());
    } catch (ValidationException e) {
      ValidationException.Violation v = e.violations().get(0);
      throw new ConfigException(Settings.CONFIRM_ORDERS, Settings.CONFIRM_ORDERS + " " + v.reason() + ": " + v.fix(), null, null);
    }
  }
}
