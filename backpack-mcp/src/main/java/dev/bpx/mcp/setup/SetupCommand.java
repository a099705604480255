package dev.bpx.mcp.setup;

import dev.bpx.auth.json.Json;
import dev.bpx.auth.json.PrettyJson;
import dev.bpx.mcp.config.ConfigException;
import dev.bpx.mcp.config.ServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code backpack-mcp setup --client ...}: for a person at a terminal. It configures one MCP client for
 * the current user to start this server with the fast launch (absolute paths, see {@link FastLaunch}),
 * after making the start-up archive for this JDK and the jar's place ({@link StartupArchive}).
 *
 * <p>The client's file is merged, never replaced ({@link ConfigMerge}): other servers and members stay,
 * only an entry of the same name is replaced, a copy of the old file is kept beside it, and a file
 * that is not valid JSON is left alone. For Claude Code its own CLI does the writing when it is on the
 * PATH ({@code claude mcp add-json --scope user}). {@code --dry-run} prints the entry and the file and
 * changes nothing, the archive included. The safety options go into the entry's {@code env}; a private
 * key never does.
 *
 * <p>Exit code: 0 done, 1 a file could not be read or written as it is (nothing changed), 2 wrong usage.
 * Not thread-safe: runs once.
 */
public final class SetupCommand {
  public static final String NAME = "setup";
  private static final DateTimeFormatter BACKUP_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Os os;
  private final StartupArchive archives;
  private final ClaudeCli claudeCli;
  private final Path runningJar;

  /**
   * @param runningJar the jar this code was loaded from, or null (classes directory)
   */
  SetupCommand(Os os, StartupArchive archives, ClaudeCli claudeCli, Path runningJar) {
    this.os = os;
    this.archives = archives;
    this.claudeCli = claudeCli;
    this.runningJar = runningJar;
  }

  /** The command as {@code Main} dispatches it, with this machine's OS, the real training run and CLI. */
  public static int run(List<String> args, Map<String, String> env, Path workingDirDotEnv, Path configDotEnv,
      Path userHome, PrintStream out, PrintStream err) {
    return new SetupCommand(Os.current(), StartupArchive.TRAINING_RUN, ClaudeCli.PROCESS, runningJar())
        .run(args, env, configDotEnv, userHome, out, err);
  }

  int run(List<String> args, Map<String, String> env, Path configDotEnv, Path home, PrintStream out, PrintStream err) {
    try {
      execute(SetupOptions.parse(args), env, configDotEnv, home, out);
      out.flush();
      return 0;
    } catch (SetupException e) {
      out.flush();
      err.println("backpack-mcp setup: " + e.getMessage());
      return e.exitCode();
    }
  }

  private void execute(SetupOptions options, Map<String, String> env, Path configDotEnv, Path home, PrintStream out) {
    validateSettings(options, env, home);
    McpClient client = options.client();
    Path jar = options.jar() != null ? options.jar() : runningJar;
    if (jar == null || !Files.isRegularFile(jar)) {
      throw new SetupException(2, jar == null
          ? "cannot tell which jar to launch: run setup from the server jar (bin/backpack-mcp setup ..., or java -jar"
              + " backpack-mcp.jar setup ...) or give --jar PATH."
          : jar + " does not exist; give --jar the path of backpack-mcp.jar.");
    }
    Path java = options.java() != null ? options.java() : FastLaunch.currentJava();
    Path archive = FastLaunch.archiveFor(jar);

    out.println((options.dryRun() ? "Dry run, nothing is written. " : "") + "Setting up " + client.displayName()
        + " to start the Backpack MCP server (" + jar + ").");
    if (options.dryRun()) {
      out.println("  start-up archive: would make " + archive + " for " + java);
    } else {
      String failure = archives.make(java, jar, archive);
      if (failure == null) {
        out.println("  start-up archive: made " + archive + " for " + java + " (" + Runtime.version() + ")");
      } else {
        archive = null;
        out.println("  start-up archive: not made (" + failure + "); the server starts without it, only slower.");
      }
    }
    ServerEntry entry = FastLaunch.entry(java, jar, archive, options.settings());

    Path cli = client == McpClient.CLAUDE_CODE && options.useCli() ? ClaudeCli.find(env, os) : null;
    if (cli != null) {
      configureWithCli(cli, options, entry, out);
    } else {
      configureFile(client.configFile(os, home, env), options, entry, out);
    }
    out.println("  entry \"" + options.name() + "\":");
    out.println(indent(PrettyJson.write(entry.toJson(client.stdioType()), 2), "    "));
    out.println();
    out.println("No key was written: " + client.displayName() + "'s configuration is plain text that the client"
        + " shows, syncs and backs up. The server trades on its paper exchange until you put BACKPACK_PRIVATE_KEY in "
        + configDotEnv + " (readable by you only: chmod 600), which it reads wherever the client starts it.");
    out.println();
    out.println("Next: " + (options.dryRun() ? "run the same command without --dry-run. Then: " : "")
        + client.restart() + ", then ask: \"what is my paper balance?\"");
  }

  private static void validateSettings(SetupOptions options, Map<String, String> env, Path home) {
    try {
      // The values the server will read, checked now by the server's own rules rather than at its start.
      ServerConfig.load(List.of("--paper"), options.settings(), null, home);
    } catch (ConfigException e) {
      throw new SetupException(2, e.getMessage() + (e.getMessage().endsWith(".") ? " " : ". ") + "Nothing was changed.");
    }
  }

  private void configureWithCli(Path cli, SetupOptions options, ServerEntry entry, PrintStream out) {
    List<String> remove = List.of(cli.toString(), "mcp", "remove", "--scope", "user", options.name());
    List<String> add = List.of(cli.toString(), "mcp", "add-json", "--scope", "user", options.name(),
        Json.write(entry.toJson(true)));
    if (options.dryRun()) {
      out.println("  Claude Code CLI: would run " + String.join(" ", remove) + " (if it exists), then");
      out.println("    " + String.join(" ", add.subList(0, add.size() - 1)) + " '<entry below>'");
      return;
    }
    claudeCli.run(remove); // fails harmlessly when there is no such server yet
    ClaudeCli.Result result = claudeCli.run(add);
    if (result.exitCode() != 0) {
      throw new SetupException(1, "\"claude mcp add-json\" failed (exit code " + result.exitCode() + "): "
          + result.output().strip() + ". Run setup with --no-cli to write ~/.claude.json directly.");
    }
    out.println("  Claude Code CLI: added \"" + options.name() + "\" for the current user (claude mcp add-json --scope user).");
  }

  private static void configureFile(Path file, SetupOptions options, ServerEntry entry, PrintStream out) {
    McpClient client = options.client();
    String existing = read(file);
    ConfigMerge.Result merged;
    try {
      merged = ConfigMerge.merge(existing, file.toString(), client.serversMember(), options.name(),
          entry.toJson(client.stdioType()));
    } catch (SetupException e) {
      throw new SetupException(e.exitCode(), e.getMessage() + "\n" + manualEntry(client, options.name(), entry), e);
    }
    if (merged.previous() instanceof Map<?, ?> old && old.get("env") instanceof Map<?, ?> oldEnv
        && oldEnv.containsKey("BACKPACK_PRIVATE_KEY")) {
      out.println("  note: the old \"" + options.name() + "\" entry had BACKPACK_PRIVATE_KEY in its env; the new one"
          + " does not. Move the key to the settings file named below (the backup still holds it: delete it).");
    }
    String what = " server \"" + options.name() + "\" in " + file + " ("
        + otherServers(merged.text(), client.serversMember(), options.name()) + ")";
    boolean added = merged.previous() == null;
    if (options.dryRun()) {
      out.println("  would " + (added ? "add" : "replace") + what);
      return;
    }
    Path backup = null;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (existing != null) {
        backup = file.resolveSibling(file.getFileName() + ".backup-" + BACKUP_STAMP.format(Instant.now()));
        Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
      }
      writeReplacing(file, merged.text());
    } catch (IOException e) {
      throw new SetupException(1, "cannot write " + file + ": " + e.getMessage() + ". " + (backup != null
          ? "The original is unchanged or in " + backup + "." : "Nothing was changed.") + "\n"
          + manualEntry(client, options.name(), entry), e);
    }
    out.println("  " + (added ? "added" : "replaced") + what);
    if (backup != null) {
      out.println("  backup of the previous file: " + backup);
    }
  }

  /** Writes through a temporary file in the same directory, so a crash leaves the old or the new file, never half. */
  private static void writeReplacing(Path file, String text) throws IOException {
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      if (Files.exists(file)) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) {
          Files.setPosixFilePermissions(temp, view.readAttributes().permissions());
        }
      }
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static String read(Path file) {
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SetupException(1, "cannot read " + file + ": " + e.getMessage() + ". Nothing was changed.", e);
    }
  }

  /** {@return "2 other servers kept: a, b" for the merged text} */
  private static String otherServers(String mergedText, String member, String name) {
    Object servers = ((Map<?, ?>) Json.parse(mergedText)).get(member);
    List<String> others = new ArrayList<>();
    ((Map<?, ?>) servers).keySet().forEach(k -> {
      if (!k.equals(name)) {
        others.add(String.valueOf(k));
      }
    });
    return others.isEmpty() ? "no other servers" : others.size() + " other server" + (others.size() == 1 ? "" : "s")
        + " kept: " + String.join(", ", others);
  }

  private static String manualEntry(McpClient client, String name, ServerEntry entry) {
    return "The entry to add under \"" + client.serversMember() + "\":\n"
        + indent(Json.write(name) + ": " + PrettyJson.write(entry.toJson(client.stdioType()), 2), "  ");
  }

  private static String indent(String text, String prefix) {
    return prefix + text.replace("\n", "\n" + prefix);
  }

  /** {@return the jar this class was loaded from, or null when it was not loaded from a jar} */
  private static Path runningJar() {
    try {
      var source = SetupCommand.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path path = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? path : null;
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return null;
    }
  }
}
