package dev.bpx.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The real server as a child JVM ({@code java -cp <test class path> dev.bpx.mcp.Main}), driven over
 * stdio by the MCP SDK's own client. The child gets no inherited {@code BACKPACK_*} variable and runs
 * in its own working directory (no stray {@code .env}), so a developer's live keys can never leak into
 * a test run.
 */
public final class McpServerProcess implements AutoCloseable {
  private final McpSyncClient client;
  private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, McpSchema.Tool> tools = new LinkedHashMap<>();

  private McpServerProcess(Map<String, String> env, Path workDir, List<String> args,
      Function<McpSchema.ElicitFormRequest, McpSchema.ElicitResult> elicitation) {
    StdioClientTransport transport = new IsolatedTransport(parameters(env, args), workDir);
    transport.setStdErrorHandler(stderr::add);
    McpClient.SyncSpec spec = McpClient.sync(transport)
        .clientInfo(new McpSchema.Implementation("backpack-mcp-test", "1"))
        .requestTimeout(Duration.ofSeconds(60))
        .initializationTimeout(Duration.ofSeconds(60))
        .enableCallToolSchemaCaching(true);
    if (elicitation != null) {
      spec.capabilities(McpSchema.ClientCapabilities.builder().elicitation().build()).elicitation(elicitation);
    }
    client = spec.build();
    client.initialize();
    for (McpSchema.Tool tool : client.listTools().tools()) {
      tools.put(tool.name(), tool);
    }
  }

  /**
   * Starts the server with exactly {@code env} (plus PATH/HOME) and waits until it has listed its tools.
   * This client cannot answer order confirmations, so in live mode (a private key given) orders are
   * not confirmed ({@code BACKPACK_CONFIRM_ORDERS=never}) unless {@code env} says otherwise; tests of
   * confirmation use {@link #startConfirming}.
   */
  public static McpServerProcess start(Map<String, String> env, Path workDir, String... args) {
    Map<String, String> withDefault = new java.util.HashMap<>(env);
    if (env.containsKey("BACKPACK_PRIVATE_KEY")) {
      withDefault.putIfAbsent("BACKPACK_CONFIRM_ORDERS", "never");
    }
    return new McpServerProcess(withDefault, workDir, List.of(args), null);
  }

  /**
   * Starts the server with exactly {@code env} (nothing added) under a client that answers elicitation
   * with {@code elicitation}, or, when it is null, a client that does not declare the capability.
   */
  public static McpServerProcess startConfirming(Map<String, String> env, Path workDir,
      Function<McpSchema.ElicitFormRequest, McpSchema.ElicitResult> elicitation) {
    return new McpServerProcess(env, workDir, List.of(), elicitation);
  }

  /** {@return the command line that launches the server: this JVM's java, the test class path} */
  public static List<String> command(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.bpx.mcp.Main");
    command.addAll(args);
    return command;
  }

  /** {@return a process builder for the server with no inherited BACKPACK_* variable} */
  public static ProcessBuilder isolatedBuilder(Path workDir) {
    ProcessBuilder builder = new ProcessBuilder();
    builder.environment().keySet().removeIf(name -> name.toUpperCase().startsWith("BACKPACK"));
    // Nor the developer's user-wide settings file (XDG_CONFIG_HOME/backpack-mcp/.env, APPDATA on Windows);
    // a test that wants one sets XDG_CONFIG_HOME in its own environment, which is applied after this.
    builder.environment().put("XDG_CONFIG_HOME", workDir.resolve("no-user-config").toString());
    builder.environment().put("APPDATA", workDir.resolve("no-user-config").toString());
    builder.directory(workDir.toFile());
    // Simulated prices unless a test asks otherwise: the default (auto) would follow Backpack's real market
    // wherever the machine can reach it, and the tests' figures come from the seeded walk.
    builder.environment().put("BACKPACK_PAPER_MARKET_DATA", "simulated");
    return builder;
  }

  private static ServerParameters parameters(Map<String, String> env, List<String> args) {
    List<String> command = command(args);
    Map<String, String> environment = new java.util.HashMap<>(env);
    // Simulated prices unless a test asks otherwise: the default (auto) would follow Backpack's real market
    // wherever the machine can reach it, and the tests' figures come from the seeded walk.
    environment.putIfAbsent("BACKPACK_PAPER_MARKET_DATA", "simulated");
    return ServerParameters.builder(command.get(0)).args(command.subList(1, command.size())).env(environment).build();
  }

  public McpSyncClient client() {
    return client;
  }

  public Map<String, McpSchema.Tool> tools() {
    return tools;
  }

  /** {@return everything the server wrote to stderr so far} */
  public List<String> stderr() {
    synchronized (stderr) {
      return List.copyOf(stderr);
    }
  }

  public CallToolResult call(String tool, Map<String, Object> arguments) {
    return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
  }

  /**
   * Calls a tool that must succeed; checks the result against the tool's declared output schema and
   * that a text rendering comes with it.
   *
   * @return the structured content
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> ok(String tool, Map<String, Object> arguments) {
    return (Map<String, Object>) checked(tool, arguments).structuredContent();
  }

  /** {@link #ok} returning the whole result, for tests that read its text too. */
  public CallToolResult checked(String tool, Map<String, Object> arguments) {
    CallToolResult result = call(tool, arguments);
    assertThat(result.isError()).as("%s%s failed: %s", tool, arguments, text(result)).isNotEqualTo(Boolean.TRUE);
    assertThat(result.structuredContent()).as("structuredContent of %s", tool).isInstanceOf(Map.class);
    McpSchema.Tool declared = tools.get(tool);
    assertThat(declared).as("tool %s is listed", tool).isNotNull();
    assertThat(SchemaChecks.instanceProblems(declared.outputSchema(), result.structuredContent()))
        .as("%s result %s against its output schema", tool, result.structuredContent()).isEmpty();
    assertThat(text(result)).as("text of %s", tool).isNotBlank();
    return result;
  }

  /** Calls a tool that must fail as a tool result (never a protocol error); returns its text. */
  public String error(String tool, Map<String, Object> arguments) {
    CallToolResult result = call(tool, arguments);
    assertThat(result.isError()).as("%s%s should fail but returned %s", tool, arguments, result.structuredContent()).isTrue();
    String text = text(result);
    assertThat(text).isNotBlank();
    return text;
  }

  public static String text(CallToolResult result) {
    return result.content().stream()
        .filter(c -> c instanceof McpSchema.TextContent)
        .map(c -> ((McpSchema.TextContent) c).text())
        .collect(Collectors.joining("\n"));
  }

  /** {@return JSON of any value, for messages} */
  public static String json(Object value) {
    try {
      return McpJsonDefaults.getMapper().writeValueAsString(value);
    } catch (Exception e) {
      return String.valueOf(value);
    }
  }

  @Override
  public void close() {
    client.closeGracefully();
  }

  private static final class IsolatedTransport extends StdioClientTransport {
    private final Path workDir;

    IsolatedTransport(ServerParameters params, Path workDir) {
      super(params, McpJsonDefaults.getMapper());
      this.workDir = workDir;
    }

    @Override
    protected ProcessBuilder getProcessBuilder() {
      return isolatedBuilder(workDir);
    }
  }
}
