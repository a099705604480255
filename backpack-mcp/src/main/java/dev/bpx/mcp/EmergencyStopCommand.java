package dev.bpx.mcp;

import dev.bpx.client.EmergencyStopReport;
import dev.bpx.client.exception.BackpackException;
import dev.bpx.mcp.config.ConfigException;
import dev.bpx.mcp.config.ServerConfig;
import dev.bpx.mcp.tools.EmergencyStopTools;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code backpack-mcp emergency-stop}: the emergency stop for a person at a terminal. It reads the same
 * settings as the server (environment, then one {@code .env} file), so it acts on the same account: the
 * live account, or in paper mode the paper state in the data directory. It prints the same report as
 * the {@code emergency_stop} tool on stdout.
 *
 * <p>Exit code: 0 when nothing failed, 1 when a step failed or the account could not be reached (also
 * when a running server holds the paper account), 2 when a setting is wrong.
 *
 * <p>Not thread-safe: runs once.
 */
final class EmergencyStopCommand {
  static final String NAME = "emergency-stop";

  private EmergencyStopCommand() {}

  static int run(List<String> args, Map<String, String> env, Path workingDirDotEnv, Path configDotEnv, Path userHome,
      PrintStream out, PrintStream err) {
    ServerConfig config;
    try {
      config = ServerConfig.load(args, env, workingDirDotEnv, configDotEnv, userHome);
    } catch (ConfigException e) {
      err.println("backpack-mcp emergency-stop: configuration error: " + e.getMessage()
          + (e.getMessage().endsWith(".") ? " " : ". ") + e.fix() + ". Nothing was sent.");
      return 2;
    }
    try (TradingSession session = new TradingSession(config)) {
      err.println("backpack-mcp emergency-stop: " + config.mode().label().toUpperCase(java.util.Locale.ROOT)
          + " mode; cancelling every open order, then closing every perp position.");
      EmergencyStopReport report = session.client().orders().emergencyStop();
      out.println(EmergencyStopTools.text(report));
      out.flush();
      return report.succeeded() ? 0 : 1;
    } catch (PaperAccountInUseException e) {
      err.println("backpack-mcp emergency-stop: " + e.getMessage() + ". Nothing was sent. The paper state can have"
          + " one user at a time: call the emergency_stop tool of that server, or stop it (close its MCP client)"
          + " and run this command again.");
      return 1;
    } catch (PaperStateException e) {
      err.println("backpack-mcp emergency-stop: " + e.getMessage() + ". Nothing was sent. " + e.fix() + ".");
      return 2;
    } catch (ConfigException e) {
      err.println("backpack-mcp emergency-stop: " + e.getMessage() + (e.getMessage().endsWith(".") ? " " : ". ")
          + e.fix() + ". Nothing was sent.");
      return 2;
    } catch (BackpackException e) {
      err.println("backpack-mcp emergency-stop: failed: " + e.getMessage());
      return 1;
    }
  }
}
