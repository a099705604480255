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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The MCP Java SDK's client over its stdio transport, with output-schema validation on (the SDK validates
 * successful results only; {@link ServerUnderTest#error} checks error results itself).
 *
 * <p>Not thread-safe.
 */
final class JavaSdkDriver implements McpClientDriver {
  private final McpSyncClient client;
  /** Null when the client does not declare elicitation. */
  private final AtomicReference<Answer> answer;
  private final List<String> asked;

  /** What the user answers to a confirmation, and how long they take. */
  private record Answer(McpSchema.ElicitResult result, Duration after) {}

  private JavaSdkDriver(McpSyncClient client, AtomicReference<Answer> answer, List<String> asked) {
    this.client = client;
    this.answer = answer;
    this.asked = asked;
  }

  /**
   * Launches {@code command} in {@code workDir} with exactly {@code env} added, its stderr lines going to {@code stderr}.
   *
   * @param elicitation whether the client declares elicitation; it then declines until told otherwise
   */
  static JavaSdkDriver start(List<String> command, Map<String, String> env, Path workDir, Queue<String> stderr,
      boolean elicitation) {
    ServerParameters parameters = ServerParameters.builder(command.get(0))
        .args(command.subList(1, command.size()))
        .env(env)
        .build();
    IsolatedTransport transport = new IsolatedTransport(parameters, workDir);
    transport.setStdErrorHandler(stderr::add);
    AtomicReference<Answer> answer = elicitation ? new AtomicReference<>(
        new Answer(new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null), Duration.ZERO)) : null;
    List<String> asked = new CopyOnWriteArrayList<>();
    McpClient.SyncSpec spec = McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(30))
        .initializationTimeout(Duration.ofSeconds(30))
        .jsonSchemaValidator(ServerUnderTest.VALIDATOR)
        .enableCallToolSchemaCaching(true);
    if (elicitation) {
      spec.capabilities(McpSchema.ClientCapabilities.builder().elicitation().build()).elicitation(request -> {
        asked.add(request.message());
        Answer now = answer.get();
        try {
          Thread.sleep(now.after().toMillis()); // a user who takes this long to click
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return now.result();
      });
    }
    McpSyncClient client = spec.build();
    try {
      client.initialize();
      return new JavaSdkDriver(client, answer, asked);
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
  public void answerConfirmations(McpSchema.ElicitResult next, Duration after) {
    if (answer == null) {
      throw new IllegalStateException("this client was started without the elicitation capability");
    }
    answer.set(new Answer(next, after));
  }

  @Override
  public List<String> confirmationsAsked() {
    return List.copyOf(asked);
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
