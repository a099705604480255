package dev.bpx.it;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * The official TypeScript SDK client ({@link TypeScriptSdkInstallation#SDK}), through the Node bridge
 * {@code src/test/node/ts-client/bridge.mjs}: the bridge launches the server with the SDK's
 * {@code StdioClientTransport}, lists the tools (so the client validates every result against its tool's
 * output schema, error results included) and answers one JSON line per request, strictly in turn, so
 * nothing here depends on timing. When the SDK throws (a JSON-RPC error from the server, or the client
 * refusing a result) {@link #call} throws an {@link McpError} with the SDK's code and message.
 *
 * <p>Not thread-safe.
 */
final class TypeScriptSdkDriver implements McpClientDriver {
  private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();
  private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {};

  private final Process bridge;
  private final BufferedWriter requests;
  private final BufferedReader replies;
  private final Queue<String> stderr;
  private McpSchema.InitializeResult initializeResult;
  private long nextId = 1;
  private boolean elicitation;

  private TypeScriptSdkDriver(Process bridge, Queue<String> stderr) {
    this.bridge = bridge;
    this.stderr = stderr;
    this.requests = new BufferedWriter(new OutputStreamWriter(bridge.getOutputStream(), StandardCharsets.UTF_8));
    this.replies = new BufferedReader(new InputStreamReader(bridge.getInputStream(), StandardCharsets.UTF_8));
  }

  /**
   * Starts the bridge, which launches {@code command} in {@code workDir} with {@code env} added to the SDK's
   * default environment; the bridge's and the server's stderr lines go to {@code stderr}.
   */
  static TypeScriptSdkDriver start(List<String> command, Map<String, String> env, Path workDir, Queue<String> stderr,
      boolean elicitation) {
    Path script = TypeScriptSdkInstallation.get().bridge();
    ProcessBuilder builder = new ProcessBuilder("node", script.toString()).directory(script.getParent().toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("BACKPACK_"));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the TypeScript SDK client bridge", e);
    }
    RawServer.collect(process.getErrorStream(), stderr);
    TypeScriptSdkDriver driver = new TypeScriptSdkDriver(process, stderr);
    try {
      Map<String, Object> start = new LinkedHashMap<>();
      start.put("command", command.get(0));
      start.put("args", command.subList(1, command.size()));
      start.put("env", env);
      start.put("cwd", workDir.toString());
      start.put("elicitation", elicitation);
      driver.elicitation = elicitation;
      driver.initializeResult = JSON.convertValue(driver.request("start", start), McpSchema.InitializeResult.class);
      return driver;
    } catch (RuntimeException | AssertionError e) {
      driver.close();
      throw e;
    }
  }

  @Override
  public McpSchema.InitializeResult initializeResult() {
    return initializeResult;
  }

  @Override
  public List<McpSchema.Tool> listTools() {
    return JSON.convertValue(request("listTools", Map.of()), McpSchema.ListToolsResult.class).tools();
  }

  @Override
  public McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("tool", tool);
    call.put("arguments", arguments);
    return JSON.convertValue(request("callTool", call), McpSchema.CallToolResult.class);
  }

  @Override
  public void answerConfirmations(McpSchema.ElicitResult answer, java.time.Duration after) {
    if (!elicitation) {
      throw new IllegalStateException("this client was started without the elicitation capability");
    }
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("action", answer.action().name().toLowerCase(java.util.Locale.ROOT));
    if (answer.content() != null) {
      wire.put("content", answer.content());
    }
    request("answerElicitation", Map.of("answer", wire, "delayMs", after.toMillis()));
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<String> confirmationsAsked() {
    return List.copyOf((List<String>) ((Map<String, Object>) request("elicitations", Map.of())).get("messages"));
  }

  /** Sends {@code close}, which closes the client and so the server, and waits for the bridge to exit. */
  @Override
  public void close() {
    try {
      if (bridge.isAlive()) {
        request("close", Map.of());
      }
    } catch (RuntimeException | AssertionError e) {
      stderr.add("(closing the TypeScript SDK client: " + e.getMessage() + ")");
    } finally {
      try {
        // The SDK's transport gives the server 2 s to exit on stdin close before it signals it; this is a backstop only.
        if (!bridge.waitFor(30, TimeUnit.SECONDS)) {
          bridge.destroyForcibly();
        }
      } catch (InterruptedException e) {
        bridge.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Sends one request line and reads its one reply line: the reply's {@code result}, or an {@link McpError}. */
  private Object request(String method, Map<String, Object> parameters) {
    long id = nextId++;
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("id", id);
    request.put("method", method);
    request.putAll(parameters);
    String line;
    try {
      requests.write(JSON.writeValueAsString(request));
      requests.newLine();
      requests.flush();
      line = replies.readLine();
    } catch (IOException e) {
      throw new AssertionError("the TypeScript SDK client bridge stopped answering (" + e + "); stderr:\n"
          + String.join("\n", stderr), e);
    }
    if (line == null) {
      throw new AssertionError("the TypeScript SDK client bridge exited before answering '" + method + "'; stderr:\n"
          + String.join("\n", stderr));
    }
    Map<String, Object> reply;
    try {
      reply = JSON.readValue(line, MAP);
    } catch (IOException e) {
      throw new AssertionError("the TypeScript SDK client bridge wrote a line that is not JSON: " + line, e);
    }
    if (!Long.valueOf(id).equals(((Number) reply.get("id")).longValue())) {
      throw new AssertionError("reply to request " + id + " expected, got " + line);
    }
    if (reply.get("error") instanceof Map<?, ?> error) {
      Object code = error.get("code");
      throw new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(
          code instanceof Number n ? n.intValue() : McpSchema.ErrorCodes.INTERNAL_ERROR,
          // The start request's parameters hold the server's environment (keys): name a tool call's only.
          "the TypeScript SDK client threw on '" + method + "'" + (method.equals("callTool") ? " " + parameters : "") + ": "
              + error.get("message"),
          error.get("data")));
    }
    return reply.get("result");
  }
}
