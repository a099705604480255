package dev.bpx.it;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * One MCP client session with a launched server, whichever official SDK's client holds it: the seam that
 * lets {@link ServerUnderTest} and the suites run unchanged under the Java SDK client and the TypeScript
 * SDK client. Results are the Java SDK's protocol records in both cases.
 *
 * <p>Not thread-safe.
 */
interface McpClientDriver extends AutoCloseable {

  /** {@return what the server answered to {@code initialize}} */
  McpSchema.InitializeResult initializeResult();

  /** {@return every tool the server lists}; after this the client validates each tool's results against its output schema */
  List<McpSchema.Tool> listTools();

  /**
   * Calls a tool and {@return the result exactly as the client handed it to its caller}.
   *
   * @throws McpError when the server answered with a JSON-RPC error, or the client refused the result
   *     (the TypeScript SDK's {@code -32602 Structured content does not match the tool's output schema})
   */
  McpSchema.CallToolResult call(String tool, Map<String, Object> arguments);

  /**
   * Sets how the user answers the server's elicitation requests (order confirmations) from now on.
   *
   * @param after how long the user takes to answer
   * @throws IllegalStateException when the client was started without the elicitation capability
   */
  void answerConfirmations(McpSchema.ElicitResult answer, java.time.Duration after);

  /** {@return the messages of every elicitation request the server sent so far, in order} */
  List<String> confirmationsAsked();

  /** Ends the session; the server process exits. */
  @Override
  void close();
}
