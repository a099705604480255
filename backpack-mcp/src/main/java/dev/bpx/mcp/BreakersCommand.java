package dev.bpx.mcp;

import dev.bpx.client.BreakerStateFile;
import dev.bpx.mcp.config.ConfigException;
import dev.bpx.mcp.config.ServerConfig;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code backpack-mcp breakers reset}: for a person at a terminal, never a tool an assistant can call.
 * It clears the daily circuit breakers' state in the data directory of the same settings as the server
 * ({@code BACKPACK_DATA_DIR}): a tripped {@code BACKPACK_MAX_DAILY_LOSS} (the next check takes the net
 * equity it then sees as the day's baseline) and the notional counted against {@code
 * BACKPACK_MAX_DAILY_NOTIONAL}. A running server sees the reset at its next order. Nothing is sent to
 * the exchange.
 *
 * <p>Exit code: 0 when reset (or nothing to reset), 1 when the state cannot be written, 2 for a wrong
 * setting or usage.
 *
 * <p>Not thread-safe: runs once.
 */
final class BreakersCommand {
  static final String NAME = "breakers";

  private BreakersCommand() {}

  static int run(List<String> args, Map<String, String> env, Path workingDirDotEnv, Path configDotEnv, Path userHome,
      PrintStream out, PrintStream err) {
    if (args.isEmpty() || !args.get(0).equals("reset")) {
      err.println("backpack-mcp breakers: usage: backpack-mcp breakers reset [--paper]. It clears a tripped daily"
          + " loss breaker and the daily notional counted in BACKPACK_DATA_DIR.");
      return 2;
    }
    ServerConfig config;
    try {
      config = ServerConfig.load(args.subList(1, args.size()), env, workingDirDotEnv, configDotEnv, userHome);
    } catch (ConfigException e) {
      err.println("backpack-mcp breakers reset: configuration error: " + e.getMessage()
          + (e.getMessage().endsWith(".") ? " " : ". ") + e.fix() + ". Nothing was reset.");
      return 2;
    }
    try {
      List<String> cleared = BreakerStateFile.reset(config.dataDir());
      if (cleared.isEmpty()) {
        out.println("No circuit breaker state in " + config.dataDir() + ": nothing to reset.");
      } else {
        out.println("Circuit breakers reset in " + config.dataDir() + ":");
        cleared.forEach(line -> out.println("  " + line));
      }
      out.flush();
      return 0;
    } catch (UncheckedIOException e) {
      err.println("backpack-mcp breakers reset: " + e.getMessage() + ". Check that BACKPACK_DATA_DIR is writable.");
      return 1;
    }
  }
}
