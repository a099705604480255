package dev.bpx.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * The BUILT server jar, launched as a separate process with the documented JVM flags, driven by the
 * MCP Java SDK's client over stdio. The child gets a temporary working directory (so no stray
 * {@code .env} is read) and none of the parent's {@code BACKPACK_*} variables, only the given ones.
 *
 * <p>Not thread-safe.
 */
final class ServerUnderTest implements AutoCloseable {
  static final JsonSchemaValidator VALIDATOR = new DefaultJsonSchemaValidator();

  private final McpSyncClient client;
  private final Queue<String> stderr;
  private final Map<String, McpSchema.Tool> tools;
  private final Path workDir;

  private ServerUnderTest(McpSyncClient client, Queue<String> stderr, Path workDir) {
    this.client = client;
    this.stderr = stderr;
    this.workDir = workDir;
    this.tools = client.listTools().tools().stream()
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
        "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", jar.toString());
  }

  /** Starts the server with the documented launch and {@code env}, plus a temporary data directory. */
  static ServerUnderTest start(Map<String, String> env) {
    Path workDir;
    try {
      workDir = Files.createTempDirectory("bpx-it-server");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> environment = new HashMap<>(env);
    environment.putIfAbsent("BACKPACK_DATA_DIR", workDir.resolve("data").toString());
    ServerParameters parameters = ServerParameters.builder(javaExecutable())
        .args(documentedArgs(jar(), archive()))
        .env(environment)
        .build();
    Queue<String> stderr = new ConcurrentLinkedQueue<>();
    IsolatedTransport transport = new IsolatedTransport(parameters, workDir);
    transport.setStdErrorHandler(stderr::add);
    McpSyncClient client = McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(30))
        .initializationTimeout(Duration.ofSeconds(30))
        .jsonSchemaValidator(VALIDATOR)
        .enableCallToolSchemaCaching(true)
        .build();
    try {
      client.initialize();
      return new ServerUnderTest(client, stderr, workDir);
    } catch (RuntimeException e) {
      client.close();
      throw new AssertionError("server did not start; stderr:\n" + String.join("\n", stderr), e);
    }
  }

  Map<String, McpSchema.Tool> tools() {
    return tools;
  }

  McpSchema.InitializeResult initializeResult() {
    return client.getCurrentInitializationResult();
  }

  List<String> stderr() {
    return new ArrayList<>(stderr);
  }

  Path workDir() {
    return workDir;
  }

  CallToolResult call(String tool, Map<String, Object> arguments) {
    return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
  }

  /** Calls a tool that must succeed; checks its structured content against its output schema. */
  Map<String, Object> ok(String tool, Map<String, Object> arguments) {
    CallToolResult result = call(tool, arguments);
    assertThat(result.isError()).as("%s %s failed: %s", tool, arguments, text(result)).isNotEqualTo(Boolean.TRUE);
    return structured(tool, result);
  }

  /** {@return the structured content of a successful result, after validating it against the tool's output schema} */
  @SuppressWarnings("unchecked")
  Map<String, Object> structured(String tool, CallToolResult result) {
    assertThat(result.structuredContent()).as("%s structuredContent", tool).isInstanceOf(Map.class);
    Map<String, Object> outputSchema = tools.get(tool).outputSchema();
    assertThat(outputSchema).as("%s outputSchema", tool).isNotNull();
    JsonSchemaValidator.ValidationResponse validation = VALIDATOR.validate(outputSchema, result.structuredContent());
    assertThat(validation.valid()).as("%s output against its schema: %s", tool, validation.errorMessage()).isTrue();
    assertThat(text(result)).as("%s text content", tool).isNotBlank();
    return (Map<String, Object>) result.structuredContent();
  }

  /** Calls a tool that must fail with an {@code isError} result; {@return its text}. */
  String error(String tool, Map<String, Object> arguments) {
    CallToolResult result = call(tool, arguments);
    assertThat(result.isError()).as("%s %s should fail but returned %s", tool, arguments, result.structuredContent())
        .isEqualTo(Boolean.TRUE);
    String text = text(result);
    assertThat(text).as("%s error text", tool).isNotBlank();
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
    client.closeGracefully();
    try (java.util.stream.Stream<Path> files = Files.walk(workDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is not worth failing a test for.
    }
  }

  /** The SDK's stdio transport with an isolated working directory and environment. */
  private static final class IsolatedTransport extends StdioClientTransport {
    private final Path directory;

    IsolatedTransport(ServerParameters parameters, Path directory) {
      super(parameters, McpJsonDefaults.getMapper());
      this.directory = directory;
    }

    @Override
    protected ProcessBuilder getProcessBuilder() {
      ProcessBuilder builder = new ProcessBuilder().directory(directory.toFile());
      builder.environment().keySet().removeIf(name -> name.startsWith("BACKPACK_"));
      // Nor the developer's user-wide settings file (XDG_CONFIG_HOME/backpack-mcp/.env, APPDATA on Windows).
      builder.environment().put("XDG_CONFIG_HOME", directory.resolve("no-user-config").toString());
      builder.environment().put("APPDATA", directory.resolve("no-user-config").toString());
      return builder;
    }
  }
}
