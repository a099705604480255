package dev.bpx.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.TypeRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code java -jar backpack-mcp.jar setup --client ...} as a user runs it, after putting the jar in its
 * final place (a directory with spaces in its name): the entry it writes into a temporary home is
 * then launched exactly as the client would launch it (command, args, env from the file), and must
 * answer {@code initialize} and {@code tools/list}, with the start-up archive that setup made accepted
 * by the JVM and the safety options in force.
 */
class SetupIT {
  private static final Duration ANSWER = Duration.ofSeconds(30);

  @TempDir
  Path temp;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "cursor,         .cursor/mcp.json,                    mcpServers",
      "vscode,         xdg config/Code/User/mcp.json,       servers",
      "windsurf,       .codeium/windsurf/mcp_config.json,   mcpServers",
      "claude-desktop, xdg config/Claude/claude_desktop_config.json, mcpServers"})
  void theWrittenEntryStartsTheServerWhichAnswersWithTheArchiveAndTheLimits(String client, String file, String member)
      throws IOException, InterruptedException {
    Path home = Files.createDirectories(temp.resolve("home of user"));
    Path jar = Files.copy(ServerUnderTest.jar(), Files.createDirectories(temp.resolve("Backpack MCP").resolve("lib"))
        .resolve("backpack-mcp.jar"), StandardCopyOption.COPY_ATTRIBUTES);
    Path data = temp.resolve("paper data");

    Run setup = runSetup(home, jar, "--client", client, "--read-only", "--max-order-notional", "250", "--data-dir",
        data.toString());

    assertThat(setup.exitCode).as(setup.stderr).isZero();
    assertThat(setup.stdout).contains("start-up archive: made " + jar.resolveSibling("backpack-mcp.jsa"), "Next: ");
    Map<String, Object> entry = entry(home.resolve(file), member);
    List<String> command = new ArrayList<>();
    command.add((String) entry.get("command"));
    command.addAll(strings(entry.get("args")));
    assertThat(command).contains("-XX:SharedArchiveFile=" + jar.resolveSibling("backpack-mcp.jsa"), jar.toString());
    @SuppressWarnings("unchecked")
    Map<String, String> env = new HashMap<>((Map<String, String>) entry.get("env"));
    assertThat(env).containsEntry("BACKPACK_READ_ONLY", "true").containsEntry("BACKPACK_MAX_ORDER_NOTIONAL", "250");
    env.put("HOME", home.toString());

    Path classLog = temp.resolve("class-load.log");
    command.add(command.indexOf("-jar"), "-Xlog:class+load=info:file=" + classLog);
    try (RawServer server = new RawServer(command, env, Files.createDirectories(temp.resolve("client cwd")))) {
      server.send(RawServer.INITIALIZE);
      assertThat(server.awaitResponse(1, ANSWER)).contains("\"serverInfo\"", "PAPER mode");
      server.send(RawServer.INITIALIZED);
      server.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
      String tools = server.awaitResponse(2, ANSWER);
      assertThat(tools).contains("\"get_balances\"", "\"get_ticker\"");
      assertThat(tools).as("read-only: no tool that places orders").doesNotContain("\"create_order\"");
      server.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"get_server_status\",\"arguments\":{}}}");
      assertThat(server.awaitResponse(3, ANSWER)).contains("\"mode\":\"paper\"", "250");
      server.send("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"get_balances\",\"arguments\":{}}}");
      assertThat(server.awaitResponse(4, ANSWER)).contains("\"USDC\"");
      assertThat(server.closeStdinAndAwaitExit(ANSWER)).isZero();
      server.assertStdoutIsOnlyJsonRpc();
      assertThat(server.stderr()).noneMatch(l -> l.contains("[warning]"));
    }
    long fromArchive = Files.readAllLines(classLog).stream().filter(l -> l.contains("shared objects file (top)")).count();
    // "(top)" marks the dynamic archive (the JDK's own base archive is logged without it); a rejected
    // archive gives 0 (ClassDataSharingIT). This session loads fewer classes than the training run.
    assertThat(fromArchive).as("classes from the archive setup made").isGreaterThan(300);
    assertThat(data.resolve("paper-account.key")).as("the entry's BACKPACK_DATA_DIR is used").isRegularFile();
  }

  @Test
  void invalidJsonIsRefusedAndLeftAsItWas() throws IOException, InterruptedException {
    Path home = Files.createDirectories(temp.resolve("home"));
    Path file = Files.createDirectories(home.resolve(".cursor")).resolve("mcp.json");
    Files.writeString(file, "{\"mcpServers\": {\"a\": {\"command\": \"x\"},}}");

    Run setup = runSetup(home, ServerUnderTest.jar(), "--client", "cursor");

    assertThat(setup.exitCode).isEqualTo(1);
    assertThat(setup.stderr).contains("is not valid JSON", "Nothing was changed");
    assertThat(Files.readString(file)).isEqualTo("{\"mcpServers\": {\"a\": {\"command\": \"x\"},}}");
  }

  private record Run(int exitCode, String stdout, String stderr) {}

  /** Runs the jar's setup command as a person would, with HOME pointing at a temporary home. */
  private Run runSetup(Path home, Path jar, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ServerUnderTest.javaExecutable(), "-jar", jar.toString(), "setup"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("BACKPACK_") || name.equals("APPDATA"));
    builder.environment().put("HOME", home.toString());
    builder.environment().put("XDG_CONFIG_HOME", home.resolve("xdg config").toString());
    builder.environment().put("PATH", temp.resolve("no claude here").toString());
    Path out = temp.resolve("setup-out.txt");
    Path err = temp.resolve("setup-err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    process.getOutputStream().close();
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("setup ended").isTrue();
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  /** The entry as the client would read it: parsed by the MCP SDK's Jackson, not by the codec that wrote it. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> entry(Path file, String member) throws IOException {
    Map<String, Object> root = McpJsonDefaults.getMapper().readValue(Files.readString(file), new TypeRef<Map<String, Object>>() {});
    return (Map<String, Object>) ((Map<String, Object>) root.get(member)).get("backpack");
  }

  private static List<String> strings(Object list) {
    return ((List<?>) list).stream().map(String::valueOf).toList();
  }
}
