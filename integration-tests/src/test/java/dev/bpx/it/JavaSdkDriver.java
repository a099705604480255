package dev.bpx.it;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * The MCP Java SDK's client over its stdio transport, with output-schema validation on (the SDK validates
 * successful results only; {@link ServerUnderTest#error} checks error results itself).
 *
 * <p>Not thread-safe.
 */
final class JavaSdkDriver implements McpClientDriver {
  private final McpSyncClient client;

  private JavaSdkDriver(McpSyncClient client) {
    this.client = client;
  }

  /** Launches {@code command} in {@code workDir} with exactly {@code env} added, its stderr lines going to {@code stderr}. */
  static JavaSdkDriver start(List<String> command, Map<String, String> env, Path workDir, Queue<String> stderr) {
    ServerParameters parameters = ServerParameters.builder(command.get(0))
        .args(command.subList(1, command.size()))
        .env(env)
        .build();
    IsolatedTransport transport = new IsolatedTransport(parameters, workDir);
    transport.setStdErrorHandler(stderr::add);
    McpSyncClient client = McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(30))
        .initializationTimeout(Duration.ofSeconds(30))
        .jsonSchemaValidator(ServerUnderTest.VALIDATOR)
        .enableCallToolSchemaCaching(true)
        .build();
    try {
      client.initialize();
      return new JavaSdkDriver(client);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  @Override
  public McpSchema.InitializeResult initializeResult() {
    return client.getCurrentInitializationResult();
  }

  @Override
  public List<McpSchema.Tool> listTools() {
    return client.listTools().tools();
  }

  @Override
  public McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
    return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
  }

  @Override
  public void close() {
    client.closeGracefully();
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
      return builder;
    }
  }
}
