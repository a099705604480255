package dev.bpx.mcp.setup;

import dev.bpx.mcp.config.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command line of {@code setup}, read once. The safety options become the entry's {@code env}
 * under their {@code BACKPACK_*} names; a private key is refused as an option, because whatever is
 * given here ends up in the client's configuration file in plain text.
 *
 * @param client the client to configure
 * @param dryRun print the change and write nothing
 * @param name the server's name in the client's list
 * @param jar the server jar to launch, or null for the jar this command runs from
 * @param java the {@code java} to launch it with, or null for this JDK's
 * @param useCli for Claude Code: use its {@code claude} CLI when it is on the PATH
 * @param settings the entry's environment, by setting name
 */
record SetupOptions(McpClient client, boolean dryRun, String name, Path jar, Path java, boolean useCli,
    Map<String, String> settings) {
  SetupOptions {
    settings = Map.copyOf(settings);
  }

  static final String USAGE = "usage: backpack-mcp setup --client " + McpClient.ids() + " [--dry-run]"
      + " [--read-only] [--max-order-notional N] [--max-position-notional N] [--max-leverage N]"
      + " [--max-open-orders N] [--allowed-symbols A,B] [--max-daily-notional N] [--max-daily-loss N]"
      + " [--confirm-orders always|never|above:N] [--confirm-timeout-seconds N] [--cancel-after-idle-minutes N]"
      + " [--cancel-on-exit] [--data-dir DIR] [--base-url URL] [--name NAME] [--jar PATH] [--java PATH] [--no-cli]";

  /** Options that take a value, by option, to the setting they set. */
  private static final Map<String, String> VALUED = Map.ofEntries(
      Map.entry("--max-order-notional", Settings.MAX_ORDER_NOTIONAL),
      Map.entry("--max-position-notional", Settings.MAX_POSITION_NOTIONAL),
      Map.entry("--max-leverage", Settings.MAX_LEVERAGE),
      Map.entry("--max-open-orders", Settings.MAX_OPEN_ORDERS),
      Map.entry("--allowed-symbols", Settings.ALLOWED_SYMBOLS),
      Map.entry("--max-daily-notional", Settings.MAX_DAILY_NOTIONAL),
      Map.entry("--max-daily-loss", Settings.MAX_DAILY_LOSS),
      Map.entry("--confirm-orders", Settings.CONFIRM_ORDERS),
      Map.entry("--confirm-timeout-seconds", Settings.CONFIRM_TIMEOUT_SECONDS),
      Map.entry("--cancel-after-idle-minutes", Settings.CANCEL_AFTER_IDLE_MINUTES),
      Map.entry("--data-dir", Settings.DATA_DIR),
      Map.entry("--base-url", "BACKPACK_BASE_URL"));

  /** Flags that set a setting to {@code true}. */
  private static final Map<String, String> FLAGS = Map.of(
      "--read-only", Settings.READ_ONLY,
      "--cancel-on-exit", Settings.CANCEL_ON_EXIT);

  /** @throws SetupException (exit code 2) for a wrong or missing option, or a private key */
  static SetupOptions parse(List<String> args) {
    McpClient client = null;
    boolean dryRun = false;
    boolean useCli = true;
    String name = "backpack";
    Path jar = null;
    Path java = null;
    Map<String, String> settings = new TreeMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String option = arg;
      String inline = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        option = arg.substring(0, eq);
        inline = arg.substring(eq + 1);
      }
      if (option.equals("--private-key") || option.equals("--secret") || option.equals("--api-secret")
          || (inline != null && inline.contains("BACKPACK_PRIVATE_KEY"))) {
        throw new SetupException(2, "setup never writes a private key into a client's configuration: that file is"
            + " plain text, which the client shows in its settings, syncs and backs up, and which people paste when"
            + " they ask for help. Put BACKPACK_PRIVATE_KEY in the user-wide settings file instead (see --help,"
            + " readable by you only), and run setup without it.");
      }
      if (FLAGS.containsKey(option) && inline == null) {
        settings.put(FLAGS.get(option), "true");
        continue;
      }
      switch (option) {
        case "--dry-run" -> dryRun = true;
        case "--no-cli" -> useCli = false;
        default -> {
          String value = inline != null ? inline : (i + 1 < args.size() ? args.get(++i) : null);
          if (value == null || (inline == null && value.startsWith("--"))) {
            throw new SetupException(2, option + " needs a value. " + USAGE);
          }
          switch (option) {
            case "--client" -> {
              client = McpClient.byId(value);
              if (client == null) {
                throw new SetupException(2, "unknown client \"" + value + "\"; one of " + McpClient.ids() + ".");
              }
            }
            case "--name" -> name = value;
            case "--jar" -> jar = Path.of(value).toAbsolutePath();
            case "--java" -> java = Path.of(value).toAbsolutePath();
            default -> {
              String setting = VALUED.get(option);
              if (setting == null) {
                throw new SetupException(2, "unknown option " + option + ". " + USAGE);
              }
              settings.put(setting, value);
            }
          }
        }
      }
    }
    if (client == null) {
      throw new SetupException(2, "which client? " + USAGE);
    }
    if (name.isBlank()) {
      throw new SetupException(2, "--name is blank");
    }
    return new SetupOptions(client, dryRun, name, jar, java, useCli, new LinkedHashMap<>(settings));
  }
}
