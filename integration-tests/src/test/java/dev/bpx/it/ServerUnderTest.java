package dev.bpx.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * The BUILT server jar, launched as a separate process with the documented JVM flags, driven over stdio
 * by an official MCP client: the Java SDK's, or the TypeScript SDK's (see {@link Client}). The child gets
 * a temporary working directory (so no stray {@code .env} is read) and none of the parent's
 * {@code BACKPACK_*} variables, only the given ones.
 *
 * <p>Not thread-safe.
 */
final class ServerUnderTest implements AutoCloseable {
  static final JsonSchemaValidator VALIDATOR = new DefaultJsonSchemaValidator();

  /** The official MCP clients a suite can run under; both validate results against the tools' output schemas. */
  enum Client {
    /** The MCP Java SDK's client, in this JVM. */
    JAVA_SDK,
    /** The TypeScript SDK's client, in Node through {@link TypeScriptSdkDriver}; strict about error results too. */
    TYPESCRIPT_SDK;

    /** {@return why this client cannot run on this machine, or null when it can} */
    String unavailable() {
      return this == JAVA_SDK ? null : TypeScriptSdkInstallation.get().unavailable();
    }

    /** Skips the calling test, with the reason, where this client cannot run. */
    void assumeAvailable() {
      String reason = unavailable();
      Assumptions.assumeTrue(reason == null, () -> "SKIPPED (" + this + "): " + reason);
    }
  }

  private final Client clientKind;
  private final McpClientDriver client;
  private final Queue<String> stderr;
  private final Map<String, McpSchema.Tool> tools;
  private final Path workDir;

  private ServerUnderTest(Client clientKind, McpClientDriver client, Queue<String> stderr, Path workDir) {
    this.clientKind = clientKind;
    this.client = client;
    this.stderr = stderr;
    this.workDir = workDir;
    this.tools = client.listTools().stream()
        .collect(Collectors.toMap(McpSchema.Tool::name, t -> t, (a, b) -> a, LinkedHashMap::new));
  }

  /** {@return the shaded server jar the build produced} */
  static Path jar() {
    return built("bpx.mcp.jar", "backpack-mcp.jar");
  }

  /** {@return the class-data-sharing archive the build produced next to the jar} */
  static Path archive() {
    return built("bpx.mcp.jsa", "backpack-mcp.jsa");
  }

  private static Path built(String property, String fileName) {
    Path path = Path.of(System.getProperty(property, "../backpack-mcp/target/" + fileName)).toAbsolutePath().normalize();
    assertThat(path).as("%s must be built first: ./mvnw -pl backpack-mcp package -DskipTests", fileName).isRegularFile();
    return path;
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** {@return the README's launch flags, for a given jar and archive} */
  static List<String> documentedArgs(Path jar, Path archive) {
    return List.of("-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Xms8m", "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", jar.toString());
  }

  /** Starts the server with the documented launch and {@code env}, plus a temporary data directory; the Java SDK client drives it. */
  static ServerUnderTest start(Map<String, String> env) {
    return start(Client.JAVA_SDK, env);
  }

  /**
   * Starts the server with the documented launch and {@code env}, plus a temporary data directory, driven by
   * {@code client}. The client does not declare elicitation, so in live mode orders are not confirmed
   * ({@code BACKPACK_CONFIRM_ORDERS=never}) unless {@code env} says otherwise; {@link #startConfirming} is for
   * tests of confirmation.
   */
  static ServerUnderTest start(Client client, Map<String, String> env) {
    Map<String, String> withDefault = new HashMap<>(env);
    if (env.containsKey("BACKPACK_PRIVATE_KEY")) {
      withDefault.putIfAbsent("BACKPACK_CONFIRM_ORDERS", "never");
    }
    return launch(client, withDefault, false);
  }

  /**
   * Starts the server as {@link #start(Client, Map)} but with nothing added to {@code env} for confirmation; the
   * client declares elicitation when {@code elicitation} (and declines until {@link #answerConfirmations}).
   */
  static ServerUnderTest startConfirming(Client client, Map<String, String> env, boolean elicitation) {
    return launch(client, env, elicitation);
  }

  private static ServerUnderTest launch(Client client, Map<String, String> env, boolean elicitation) {
    Path workDir;
    try {
      workDir = Files.createTempDirectory("bpx-it-server");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> environment = new HashMap<>(env);
    environment.putIfAbsent("BACKPACK_DATA_DIR", workDir.resolve("data").toString());
    // Simulated prices unless a test asks otherwise: the default (auto) would follow Backpack's real market
    // wherever the machine can reach it, and the tests' figures come from the seeded walk.
    environment.putIfAbsent("BACKPACK_PAPER_MARKET_DATA", "simulated");
    // Nor the developer's user-wide settings file (XDG_CONFIG_HOME/backpack-mcp/.env, APPDATA on Windows).
    environment.putIfAbsent("XDG_CONFIG_HOME", workDir.resolve("no-user-config").toString());
    environment.putIfAbsent("APPDATA", workDir.resolve("no-user-config").toString());
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(documentedArgs(jar(), archive()));
    Queue<String> stderr = new ConcurrentLinkedQueue<>();
    McpClientDriver driver;
    try {
      driver = switch (client) {
        case JAVA_SDK -> JavaSdkDriver.start(command, environment, workDir, stderr, elicitation);
        case TYPESCRIPT_SDK -> TypeScriptSdkDriver.start(command, environment, workDir, stderr, elicitation);
      };
    } catch (RuntimeException e) {
      throw new AssertionError("server did not start under the " + client + " client; stderr:\n" + String.join("\n", stderr), e);
    }
    try {
      return new ServerUnderTest(client, driver, stderr, workDir);
    } catch (RuntimeException | AssertionError e) {
      driver.close();
      throw e;
    }
  }

  /** {@return the client driving this server} */
  Client client() {
    return clientKind;
  }

  /** The user's answer to every order confirmation from now on (the client must declare elicitation). */
  void answerConfirmations(McpSchema.ElicitResult answer) {
    client.answerConfirmations(answer, java.time.Duration.ZERO);
  }

  /** The user's answer to every order confirmation from now on, given {@code after} the question appears. */
  void answerConfirmations(McpSchema.ElicitResult answer, java.time.Duration after) {
    client.answerConfirmations(answer, after);
  }

  /** {@return the summaries of every order confirmation the user was shown so far} */
  List<String> confirmationsAsked() {
    return client.confirmationsAsked();
  }

  Map<String, McpSchema.Tool> tools() {
    return tools;
  }

  McpSchema.InitializeResult initializeResult() {
    return client.initializeResult();
  }

  List<String> stderr() {
    return new ArrayList<>(stderr);
  }

  Path workDir() {
    return workDir;
  }

  /**
   * {@return the tool's result as the client handed it over}
   *
   * @throws io.modelcontextprotocol.spec.McpError on a JSON-RPC error, or when the client refused the result
   */
  CallToolResult call(String tool, Map<String, Object> arguments) {
    return client.call(tool, arguments);
  }

  /** Calls a tool that must succeed; checks its structured content against its output schema and its text in {@code content[0]}. */
  Map<String, Object> ok(String tool, Map<String, Object> arguments) {
    CallToolResult result = call(tool, arguments);
    assertThat(result.isError()).as("%s %s failed: %s", tool, arguments, text(result)).isNotEqualTo(Boolean.TRUE);
    return structured(tool, result);
  }

  /** {@return the structured content of a successful result, after validating it against the tool's output schema} */
  @SuppressWarnings("unchecked")
  Map<String, Object> structured(String tool, CallToolResult result) {
    assertThat(result.structuredContent()).as("%s structuredContent", tool).isInstanceOf(Map.class);
    assertMatchesOutputSchema(tool, result);
    String text = firstText(tool, result);
    // What an assistant reads is prose at the market's precision: no Map/record toString, no 20-digit quotients.
    assertThat(text).as("%s text", tool).doesNotContainPattern("\\{[A-Za-z_]+=").doesNotContainPattern("[A-Za-z]+\\[[a-z][A-Za-z]*=")
        .doesNotContainPattern("\\d\\.\\d{13,}");
    return (Map<String, Object>) result.structuredContent();
  }

  /**
   * Calls a tool that must fail with an {@code isError} result; {@return its message}, which must be the text of
   * {@code content[0]} (Claude Code shows only that on errors). Structured content, where present, must match the
   * tool's output schema: the Java SDK client does not check error results, strict clients do.
   */
  String error(String tool, Map<String, Object> arguments) {
    CallToolResult result = call(tool, arguments);
    assertThat(result.isError()).as("%s %s should fail but returned %s", tool, arguments, result.structuredContent())
        .isEqualTo(Boolean.TRUE);
    if (result.structuredContent() != null) {
      assertMatchesOutputSchema(tool, result);
    }
    return firstText(tool, result);
  }

  private void assertMatchesOutputSchema(String tool, CallToolResult result) {
    Map<String, Object> outputSchema = tools.get(tool).outputSchema();
    assertThat(outputSchema).as("%s outputSchema", tool).isNotNull();
    JsonSchemaValidator.ValidationResponse validation = VALIDATOR.validate(outputSchema, result.structuredContent());
    assertThat(validation.valid()).as("%s %s result against its output schema: %s\n%s", tool,
        Boolean.TRUE.equals(result.isError()) ? "error" : "success", validation.errorMessage(), result.structuredContent()).isTrue();
  }

  /** {@return the text of {@code content[0]}, after checking it is a non-blank text item} */
  private static String firstText(String tool, CallToolResult result) {
    assertThat(result.content()).as("%s content", tool).isNotEmpty();
    assertThat(result.content().get(0)).as("%s content[0]", tool).isInstanceOf(McpSchema.TextContent.class);
    String text = ((McpSchema.TextContent) result.content().get(0)).text();
    assertThat(text).as("%s content[0].text", tool).isNotBlank();
    return text;
  }

  static String text(CallToolResult result) {
    StringBuilder s = new StringBuilder();
    for (McpSchema.Content c : result.content()) {
      if (c instanceof McpSchema.TextContent t) {
        s.append(t.text());
      }
    }
    return s.toString();
  }

  /** Fails unless the server still answers a call that needs no exchange. */
  void assertStillAnswering() {
    assertThat(ok("get_server_status", Map.of())).containsKey("mode");
  }

  /** Stops the server and deletes its temporary working and data directory. */
  @Override
  public void close() {
    client.close();
    try (java.util.stream.Stream<Path> files = Files.walk(workDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is not worth failing a test for.
    }
  }
}
