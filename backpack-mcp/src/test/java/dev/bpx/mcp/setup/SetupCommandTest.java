package dev.bpx.mcp.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code setup} against temporary home directories (with a space in their path) for every client and
 * OS layout. The expected locations are written out here, from the clients' documentation, rather
 * than taken from {@link McpClient}.
 */
class SetupCommandTest {
  @TempDir
  Path temp;

  private Path home;
  private Path jar;
  private Path java;
  private final List<Path> archivesMade = new ArrayList<>();
  private String archiveFailure;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void layout() throws IOException {
    home = Files.createDirectories(temp.resolve("home of a user"));
    jar = Files.createDirectories(temp.resolve("my apps").resolve("backpack mcp").resolve("lib")).resolve("backpack-mcp.jar");
    Files.writeString(jar, "not really a jar");
    java = temp.resolve("jdk 17").resolve("bin").resolve("java");
  }

  static Stream<Arguments> locations() {
    return Stream.of(
        Arguments.of("cursor", Os.LINUX, ".cursor/mcp.json", "mcpServers", false),
        Arguments.of("cursor", Os.MACOS, ".cursor/mcp.json", "mcpServers", false),
        Arguments.of("cursor", Os.WINDOWS, ".cursor/mcp.json", "mcpServers", false),
        Arguments.of("windsurf", Os.LINUX, ".codeium/windsurf/mcp_config.json", "mcpServers", false),
        Arguments.of("windsurf", Os.MACOS, ".codeium/windsurf/mcp_config.json", "mcpServers", false),
        Arguments.of("windsurf", Os.WINDOWS, ".codeium/windsurf/mcp_config.json", "mcpServers", false),
        Arguments.of("claude-desktop", Os.LINUX, "xdg config/Claude/claude_desktop_config.json", "mcpServers", false),
        Arguments.of("claude-desktop", Os.MACOS, "Library/Application Support/Claude/claude_desktop_config.json", "mcpServers", false),
        Arguments.of("claude-desktop", Os.WINDOWS, "AppData/Roaming/Claude/claude_desktop_config.json", "mcpServers", false),
        Arguments.of("vscode", Os.LINUX, "xdg config/Code/User/mcp.json", "servers", true),
        Arguments.of("vscode", Os.MACOS, "Library/Application Support/Code/User/mcp.json", "servers", true),
        Arguments.of("vscode", Os.WINDOWS, "AppData/Roaming/Code/User/mcp.json", "servers", true),
        Arguments.of("claude-code", Os.LINUX, ".claude.json", "mcpServers", true),
        Arguments.of("claude-code", Os.MACOS, ".claude.json", "mcpServers", true),
        Arguments.of("claude-code", Os.WINDOWS, ".claude.json", "mcpServers", true));
  }

  @ParameterizedTest(name = "{0} on {1}: ~/{2}")
  @MethodSource("locations")
  void writesANewConfigurationWhereTheClientLooksForIt(String client, Os os, String relative, String member,
      boolean stdioType) throws IOException {
    int code = run(os, env(os), "--client", client, "--max-order-notional", "500", "--read-only");

    assertThat(code).as(err.toString()).isZero();
    Path file = home.resolve(relative);
    assertThat(file).isRegularFile();
    Map<String, Object> entry = entry(file, member);
    assertThat(entry.get("command")).isEqualTo(java.toString());
    assertThat(entry.get("args")).isEqualTo(List.of("-XX:SharedArchiveFile=" + jar.resolveSibling("backpack-mcp.jsa"),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms8m", "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", jar.toString()));
    assertThat(entry.get("env")).isEqualTo(Map.of("BACKPACK_MAX_ORDER_NOTIONAL", "500", "BACKPACK_READ_ONLY", "true"));
    assertThat(entry.containsKey("type")).isEqualTo(stdioType);
    if (stdioType) {
      assertThat(entry.get("type")).isEqualTo("stdio");
    }
    assertThat(archivesMade).containsExactly(jar.resolveSibling("backpack-mcp.jsa"));
    assertThat(Files.list(file.getParent()).filter(p -> p.getFileName().toString().contains(".backup-"))).isEmpty();
    assertThat(out.toString()).contains("added server \"backpack\" in " + file, "no other servers", "Next: ",
        "what is my paper balance?");
  }

  @Test
  void keepsOtherServersAndMembersAndTheirValuesAndBacksUpTheOldFile() throws IOException {
    Path file = Files.createDirectories(home.resolve(".cursor")).resolve("mcp.json");
    String old = """
        {"theme": "dark", "mcpServers": {"github": {"command": "docker", "args": ["run", "-i"],
          "env": {"GITHUB_TOKEN": "ghp_x"}}, "remote": {"url": "https://example.com/mcp", "timeout": 1.50}},
         "numbers": [1E+3, -0]}
        """;
    Files.writeString(file, old);

    assertThat(run(Os.LINUX, env(Os.LINUX), "--client", "cursor")).as(err.toString()).isZero();

    Map<String, Object> root = root(file);
    assertThat(root.keySet()).containsExactly("theme", "mcpServers", "numbers");
    Map<?, ?> servers = (Map<?, ?>) root.get("mcpServers");
    assertThat(keys(servers)).containsExactly("github", "remote", "backpack");
    assertThat(servers.get("github")).isEqualTo(((Map<?, ?>) ((Map<?, ?>) Json.parse(old)).get("mcpServers")).get("github"));
    assertThat(Files.readString(file)).contains("\"timeout\": 1.50", "1E+3");
    List<Path> backups = Files.list(file.getParent()).filter(p -> p.getFileName().toString().startsWith("mcp.json.backup-")).toList();
    assertThat(backups).hasSize(1);
    assertThat(Files.readString(backups.get(0))).isEqualTo(old);
    assertThat(out.toString()).contains("2 other servers kept: github, remote", "backup of the previous file: " + backups.get(0));
    assertThat(out.toString()).doesNotContain("ghp_x");
  }

  @Test
  void replacesOnlyItsOwnEntryAndSaysWhenTheOldOneHeldAKey() throws IOException {
    Path file = Files.createDirectories(home.resolve(".codeium").resolve("windsurf")).resolve("mcp_config.json");
    Files.writeString(file, "{\"mcpServers\":{\"backpack\":{\"command\":\"java\",\"args\":[\"-jar\",\"/old.jar\"],"
        + "\"env\":{\"BACKPACK_PRIVATE_KEY\":\"c2VjcmV0\"}},\"other\":{\"command\":\"x\"}}}");

    assertThat(run(Os.MACOS, env(Os.MACOS), "--client", "windsurf")).as(err.toString()).isZero();

    Map<?, ?> servers = (Map<?, ?>) root(file).get("mcpServers");
    assertThat(keys(servers)).containsExactly("backpack", "other");
    assertThat(Files.readString(file)).doesNotContain("BACKPACK_PRIVATE_KEY", "/old.jar");
    assertThat(out.toString()).contains("replaced server \"backpack\"", "had BACKPACK_PRIVATE_KEY").doesNotContain("c2VjcmV0");
  }

  @Test
  void refusesAFileThatIsNotValidJsonAndChangesNothing() throws IOException {
    Path file = Files.createDirectories(home.resolve(".config").resolve("Code").resolve("User")).resolve("mcp.json");
    String jsonc = "{\n  // my servers\n  \"servers\": {\"a\": {\"command\": \"x\",},},\n}\n";
    Files.writeString(file, jsonc);

    int code = run(Os.LINUX, Map.of(), "--client", "vscode");

    assertThat(code).isEqualTo(1);
    assertThat(Files.readString(file)).isEqualTo(jsonc);
    assertThat(Files.list(file.getParent())).containsExactly(file);
    assertThat(err.toString()).contains(file + " is not valid JSON", "Nothing was changed", "\"backpack\": {",
        "\"type\": \"stdio\"", jar.toString());
  }

  @Test
  void refusesAServersMemberThatIsNotAnObject() throws IOException {
    Path file = Files.createDirectories(home.resolve(".cursor")).resolve("mcp.json");
    Files.writeString(file, "{\"mcpServers\": []}");

    assertThat(run(Os.LINUX, Map.of(), "--client", "cursor")).isEqualTo(1);
    assertThat(Files.readString(file)).isEqualTo("{\"mcpServers\": []}");
    assertThat(err.toString()).contains("\"mcpServers\" is not a JSON object");
  }

  @Test
  void dryRunPrintsTheChangeAndWritesNothingNotEvenTheArchive() throws IOException {
    int code = run(Os.LINUX, env(Os.LINUX), "--client", "claude-desktop", "--dry-run", "--max-leverage", "3");

    assertThat(code).as(err.toString()).isZero();
    try (Stream<Path> files = Files.walk(home)) {
      assertThat(files).containsExactly(home);
    }
    assertThat(archivesMade).isEmpty();
    assertThat(out.toString()).contains("Dry run, nothing is written", "would make " + jar.resolveSibling("backpack-mcp.jsa"),
        "would add server \"backpack\" in " + home.resolve("xdg config/Claude/claude_desktop_config.json"),
        "\"BACKPACK_MAX_LEVERAGE\": \"3\"", "without --dry-run");
  }

  @Test
  void neverTakesAPrivateKeyAsAnOptionNorFromTheEnvironment() throws IOException {
    assertThat(run(Os.LINUX, Map.of(), "--client", "cursor", "--private-key", "c2VjcmV0")).isEqualTo(2);
    assertThat(err.toString()).contains("never writes a private key", "plain text").doesNotContain("c2VjcmV0");
    assertThat(home.resolve(".cursor")).doesNotExist();

    Map<String, String> env = new HashMap<>(env(Os.LINUX));
    env.put("BACKPACK_PRIVATE_KEY", "c2VjcmV0");
    assertThat(run(Os.LINUX, env, "--client", "cursor")).isZero();
    assertThat(Files.readString(home.resolve(".cursor/mcp.json"))).doesNotContain("c2VjcmV0", "PRIVATE");
  }

  @Test
  void checksSettingValuesByTheServersRulesBeforeWritingAnything() {
    assertThat(run(Os.LINUX, Map.of(), "--client", "cursor", "--max-order-notional", "lots")).isEqualTo(2);
    assertThat(err.toString()).contains("BACKPACK_MAX_ORDER_NOTIONAL", "Nothing was changed");
    assertThat(home.resolve(".cursor")).doesNotExist();
    assertThat(archivesMade).isEmpty();
  }

  @Test
  void refusesUnknownClientsAndOptions() {
    assertThat(run(Os.LINUX, Map.of(), "--client", "emacs")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown client \"emacs\"", "cursor|claude-desktop|claude-code|vscode|windsurf");
    assertThat(run(Os.LINUX, Map.of(), "--client", "cursor", "--max-ordr-notional", "5")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown option --max-ordr-notional");
    assertThat(run(Os.LINUX, Map.of())).isEqualTo(2);
    assertThat(err.toString()).contains("which client?");
  }

  @Test
  void withoutAnArchiveTheEntryLaunchesWithoutOne() throws IOException {
    archiveFailure = "the JVM made no archive";

    assertThat(run(Os.LINUX, Map.of(), "--client", "cursor")).isZero();

    Map<String, Object> entry = entry(home.resolve(".cursor/mcp.json"), "mcpServers");
    assertThat((List<?>) entry.get("args")).noneMatch(a -> a.toString().startsWith("-XX:SharedArchiveFile"));
    assertThat(out.toString()).contains("start-up archive: not made (the JVM made no archive)");
  }

  @Test
  void claudeCodeGoesThroughItsCliWhenOnThePath() throws IOException {
    Path bin = Files.createDirectories(temp.resolve("cli bin"));
    Path calls = temp.resolve("calls.txt");
    Path claude = bin.resolve("claude");
    Files.writeString(claude, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >> '" + calls + "'\necho ---- >> '"
        + calls + "'\n[ \"$2\" = remove ] && exit 1\nexit 0\n");
    Files.setPosixFilePermissions(claude, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> env = Map.of("PATH", "/nonexistent:" + bin);

    int code = new SetupCommand(Os.LINUX, this::makeArchive, ClaudeCli.PROCESS, null)
        .run(List.of("--client", "claude-code", "--jar", jar.toString(), "--java", java.toString(), "--allowed-symbols",
            "SOL_USDC,BTC_USDC"), env, home.resolve("settings.env"), home, print(out), print(err));

    assertThat(code).as(err.toString()).isZero();
    String[] runs = Files.readString(calls).split("----\n");
    assertThat(runs[0].split("\n")).containsExactly("mcp", "remove", "--scope", "user", "backpack");
    String[] add = runs[1].split("\n", 6);
    assertThat(add).startsWith("mcp", "add-json", "--scope", "user", "backpack");
    Map<?, ?> json = (Map<?, ?>) Json.parse(add[5]);
    assertThat(json.get("type")).isEqualTo("stdio");
    assertThat(json.get("command")).isEqualTo(java.toString());
    assertThat(json.get("env")).isEqualTo(Map.of("BACKPACK_ALLOWED_SYMBOLS", "SOL_USDC,BTC_USDC"));
    assertThat(home.resolve(".claude.json")).doesNotExist();
    assertThat(out.toString()).contains("claude mcp add-json --scope user");
  }

  @Test
  void claudeCodeWithoutItsCliGetsTheUserScopeOfClaudeJsonAndKeepsItsState() throws IOException {
    Path file = home.resolve(".claude.json");
    Files.writeString(file, "{\"numStartups\": 34, \"projects\": {\"/p\": {\"mcpServers\": {}}}, \"mcpServers\": {\"x\": {\"type\": \"stdio\", \"command\": \"y\"}}}");

    assertThat(run(Os.LINUX, Map.of("PATH", temp.resolve("empty").toString()), "--client", "claude-code")).isZero();

    Map<String, Object> root = root(file);
    assertThat(root.get("numStartups")).hasToString("34");
    assertThat(keys((Map<?, ?>) root.get("mcpServers"))).containsExactly("x", "backpack");
    assertThat(((Map<?, ?>) ((Map<?, ?>) root.get("projects")).get("/p")).get("mcpServers")).isEqualTo(Map.of());
  }

  private Map<String, String> env(Os os) {
    return switch (os) {
      case WINDOWS -> Map.of("APPDATA", home.resolve("AppData").resolve("Roaming").toString());
      case LINUX -> Map.of("XDG_CONFIG_HOME", home.resolve("xdg config").toString());
      case MACOS -> Map.of();
    };
  }

  private int run(Os os, Map<String, String> env, String... args) {
    out.reset();
    err.reset();
    return new SetupCommand(os, this::makeArchive, command -> {
      throw new AssertionError("no CLI expected: " + command);
    }, jar).run(withJava(args), env, home.resolve("settings.env"), home, print(out), print(err));
  }

  private List<String> withJava(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--java");
    all.add(java.toString());
    return all;
  }

  private String makeArchive(Path javaUsed, Path jarUsed, Path archive) {
    assertThat(javaUsed).isEqualTo(java);
    assertThat(jarUsed).isEqualTo(jar);
    archivesMade.add(archive);
    return archiveFailure;
  }

  private static List<String> keys(Map<?, ?> map) {
    return map.keySet().stream().map(String::valueOf).toList();
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> root(Path file) throws IOException {
    return (Map<String, Object>) Json.parse(Files.readString(file));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> entry(Path file, String member) throws IOException {
    return (Map<String, Object>) ((Map<?, ?>) root(file).get(member)).get("backpack");
  }
}
