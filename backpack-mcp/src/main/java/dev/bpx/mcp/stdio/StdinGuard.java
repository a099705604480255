package dev.bpx.mcp.stdio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import dev.bpx.auth.json.Json;
import io.modelcontextprotocol.json.McpJsonDefaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands between stdin and the MCP SDK's stdio transport.
 *
 * <p>The SDK ends the session on the first line it cannot deserialise. This guard reads stdin line by
 * line, answers a malformed line itself with a JSON-RPC parse error (-32700) or invalid-request error
 * (-32600) on the protocol stream, skips blank lines, and hands only well-formed messages to the SDK
 * through {@link #transportInput()}. Lines longer than the limit are dropped with an error instead of
 * being buffered. When stdin ends, the transport sees end-of-stream and {@code onEnd} runs, so the
 * process can exit even while other threads are alive.
 *
 * <p>It also answers what the SDK would hold back or answer unhelpfully: {@code ping} at any time,
 * also before {@code initialize} (the spec allows it; the SDK holds it until {@code initialize});
 * any other request before {@code initialize} with an error saying to initialize first (the SDK would
 * hold it, possibly forever); and whatever its {@link ToolCallFilter} answers or rewrites. It records
 * {@code notifications/cancelled}, which the SDK drops, in its {@link CancelledRequests}.
 *
 * <p>Error lines are written while holding the protocol stream's monitor, the same monitor the SDK's
 * transport holds for each message it writes, so lines never interleave.
 *
 * <p>Thread-safe: {@link #start()} once.
 */
public final class StdinGuard {
  /** The longest line accepted, in bytes. */
  public static final int DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;

  /**
   * How long, once stdin ends, answers to requests already taken may take before the process exits
   * anyway: enough for ordinary calls, short of the grace period clients give a server to exit.
   */
  static final Duration DEFAULT_ANSWER_WAIT = Duration.ofSeconds(5);

  /** The error code for a request before {@code initialize} (the code LSP uses for the same case). */
  static final int NOT_INITIALIZED = -32002;

  private static final Logger log = LoggerFactory.getLogger(StdinGuard.class);

  private final InputStream stdin;
  private final OutputStream protocolOut;
  private final int maxLineBytes;
  private final Runnable onEnd;
  private final LineFeed feed = new LineFeed();
  private final AnsweredRequests answers;
  private final Duration answerWait;
  private volatile ToolCallFilter toolCalls = ToolCallFilter.NONE;
  private final CancelledRequests cancelled = new CancelledRequests();
  private volatile Set<String> cancellableTools = Set.of();
  /** Written and read by the reader thread only. */
  private boolean initializeSeen;

  /**
   * @param stdin the raw standard input
   * @param protocolOut the stream the transport writes JSON-RPC to (its monitor serialises writes)
   * @param onEnd runs once when stdin ends or fails
   */
  public StdinGuard(InputStream stdin, OutputStream protocolOut, int maxLineBytes, Runnable onEnd) {
    this(stdin, protocolOut, maxLineBytes, onEnd, DEFAULT_ANSWER_WAIT);
  }

  /**
   * @param answerWait how long, once stdin ends, to wait for the answers to requests already taken
   */
  StdinGuard(InputStream stdin, OutputStream protocolOut, int maxLineBytes, Runnable onEnd, Duration answerWait) {
    this.stdin = Objects.requireNonNull(stdin, "stdin");
    this.answers = new AnsweredRequests(Objects.requireNonNull(protocolOut, "protocolOut"));
    this.protocolOut = answers;
    this.answerWait = answerWait;
    this.maxLineBytes = maxLineBytes;
    this.onEnd = Objects.requireNonNull(onEnd, "onEnd");
  }

  /**
   * {@return the stream to give the SDK's transport in place of stdout: the protocol stream, watched
   * for answers} Its monitor is the one both the SDK and this guard hold while writing a line.
   */
  public OutputStream transportOutput() {
    return answers;
  }

  /** {@return the stream to give the SDK's transport in place of stdin} */
  public InputStream transportInput() {
    return feed;
  }

  /** Sets what to do with {@code tools/call} requests; call before {@link #start()}. */
  public void filterToolCalls(ToolCallFilter filter) {
    this.toolCalls = Objects.requireNonNull(filter, "filter");
  }

  /**
   * Tags calls of these tools with their request id (in {@code params._meta}, see {@link CancelledRequests}),
   * so that they can ask whether the client cancelled them; call before {@link #start()}.
   */
  public void trackCancellation(Set<String> tools) {
    this.cancellableTools = Set.copyOf(tools);
  }

  /** {@return the requests the client cancelled} */
  public CancelledRequests cancelledRequests() {
    return cancelled;
  }

  /** Starts the reader thread (a daemon: it never keeps the process alive). */
  public void start() {
    Thread reader = new Thread(this::run, "stdin-guard");
    reader.setDaemon(true);
    reader.start();
  }

  void run() {
    try {
      ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
      boolean overLimit = false;
      byte[] buffer = new byte[8192];
      int n;
      while ((n = stdin.read(buffer)) != -1) {
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (b == '\n') {
            if (overLimit) {
              reject(new JsonRpcLineChecker.Verdict(JsonRpcLineChecker.INVALID_REQUEST,
                  "Invalid Request: message longer than " + maxLineBytes + " bytes", null));
            } else {
              handle(line);
            }
            line.reset();
            overLimit = false;
          } else if (!overLimit) {
            if (line.size() >= maxLineBytes) {
              overLimit = true;
              line.reset();
            } else {
              line.write(b);
            }
          }
        }
      }
      if (line.size() > 0 && !overLimit) {
        handle(line);
      }
    } catch (IOException e) {
      log.warn("stdin failed: {}", e.toString());
    } finally {
      awaitAnswers();
      feed.end();
      onEnd.run();
    }
  }

  /** A client that closes stdin right after a request (e.g. {@code echo ... | server}) still gets the answer. */
  private void awaitAnswers() {
    try {
      if (!answers.awaitAllAnswered(answerWait)) {
        log.warn("stdin ended with {} request(s) unanswered after {} s; exiting anyway", answers.pendingCount(),
            answerWait.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(ByteArrayOutputStream bytes) {
    String line = bytes.toString(StandardCharsets.UTF_8);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.isBlank()) {
      return;
    }
    JsonRpcLineChecker.Verdict verdict = JsonRpcLineChecker.check(line);
    if (!verdict.ok()) {
      reject(verdict);
      return;
    }
    Map<String, Object> message = verdict.message();
    Object method = message == null ? null : message.get("method");
    if (verdict.id() != null && method != null) {
      if (answeredHere(verdict.id(), (String) method, message.get("params"))) {
        return;
      }
      if ("tools/call".equals(method)) {
        line = rewriteToolCall(line, message, verdict.id());
      }
    } else if (method != null && !initializeSeen) {
      log.warn("notification {} arrived before initialize; handed to the server as it is", method);
    }
    if (verdict.id() == null && "notifications/cancelled".equals(method)
        && message.get("params") instanceof Map<?, ?> p && p.get("requestId") != null) {
      cancelled.cancel(p.get("requestId"));
    }
    if (verdict.id() != null) {
      answers.expect(verdict.id());
    }
    feed.offerLine(line);
  }

  /** {@return whether the request was answered here (so it must not reach the SDK)} */
  private boolean answeredHere(Object id, String method, Object params) {
    if (method.equals("ping")) {
      write(JsonRpcLineChecker.resultResponse(id, "{}"));
      return true;
    }
    if (method.equals("initialize")) {
      initializeSeen = true;
      return false;
    }
    if (!initializeSeen) {
      log.warn("request {} arrived before initialize; answered with an error", method);
      write(JsonRpcLineChecker.errorResponse(new JsonRpcLineChecker.Verdict(NOT_INITIALIZED,
          "Server not initialized: send \"initialize\" first (only \"ping\" may come before it), then \"" + method + "\"", id)));
      return true;
    }
    if (method.equals("tools/call")) {
      return answeredToolCall(id, params);
    }
    return false;
  }

  /**
   * Answers a {@code tools/call} whose params the SDK would fail on with a Java exception's text as an internal
   * error (no params, an {@code arguments} that is not an object) or answer with its fixed "Unknown tool:
   * invalid_tool_name" (no name, a name it does not list), and whatever the filter answers itself.
   */
  private boolean answeredToolCall(Object id, Object params) {
    String problem = null;
    if (!(params instanceof Map<?, ?> p)) {
      problem = "Invalid params: tools/call takes params {\"name\": \"<tool>\", \"arguments\": {...}}; tools/list"
          + " gives the tools and their arguments";
    } else if (!(p.get("name") instanceof String tool) || tool.isEmpty()) {
      problem = "Invalid params: tools/call needs \"name\", the tool to call, as a string; tools/list gives the names";
    } else if (p.get("arguments") != null && !(p.get("arguments") instanceof Map<?, ?>)) {
      problem = "Invalid params: \"arguments\" of tools/call must be a JSON object of the tool's arguments by name,"
          + " e.g. {\"symbol\": \"SOL_USDC\"}, not " + JsonRpcLineChecker.kind(p.get("arguments"));
    } else if (!toolCalls.offers(tool)) {
      problem = "Unknown tool: " + JsonRpcLineChecker.clip(tool) + ". tools/list gives the tools this server offers";
    }
    if (problem != null) {
      write(JsonRpcLineChecker.errorResponse(new JsonRpcLineChecker.Verdict(JsonRpcLineChecker.INVALID_PARAMS,
          problem, id)));
      return true;
    }
    Map<?, ?> p = (Map<?, ?>) params;
    String tool = (String) p.get("name");
    Optional<Object> result = toolCalls.answer(tool, arguments(p));
    if (result.isEmpty()) {
      return false;
    }
    try {
      write(JsonRpcLineChecker.resultResponse(id, McpJsonDefaults.getMapper().writeValueAsString(result.get())));
    } catch (IOException e) {
      log.warn("could not write the answer to a call of {}: {}", tool, e.toString());
      write(JsonRpcLineChecker.errorResponse(new JsonRpcLineChecker.Verdict(JsonRpcLineChecker.INTERNAL_ERROR,
          "Internal error: the answer to " + tool + " could not be written", id)));
    }
    return true;
  }

  /**
   * The line to hand to the SDK for a tool call: rewritten when the filter changes the arguments or the
   * tool's calls are tagged with their request id, and the rewritten line is still one the SDK reads,
   * else unchanged.
   */
  private String rewriteToolCall(String line, Map<String, Object> message, Object id) {
    if (!(message.get("params") instanceof Map<?, ?> p) || !(p.get("name") instanceof String tool)) {
      return line;
    }
    Map<String, Object> rewritten = toolCalls.rewrite(tool, arguments(p));
    String requestKey = cancellableTools.contains(tool) ? CancelledRequests.key(id) : null;
    if (rewritten == null && requestKey == null) {
      return line;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> params = new LinkedHashMap<>((Map<String, Object>) p);
    if (rewritten != null) {
      params.put("arguments", rewritten);
    }
    if (requestKey != null) {
      // Written by the guard, over whatever the client put there: the tag is the request's own id.
      Map<String, Object> meta = new LinkedHashMap<>();
      if (p.get("_meta") instanceof Map<?, ?> given) {
        given.forEach((k, v) -> meta.put(String.valueOf(k), v));
      }
      meta.put(CancelledRequests.META_KEY, requestKey);
      params.put("_meta", meta);
    }
    Map<String, Object> copy = new LinkedHashMap<>(message);
    copy.put("params", params);
    String text = Json.write(copy);
    return JsonRpcLineChecker.check(text).ok() ? text : line;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> arguments(Map<?, ?> params) {
    return params.get("arguments") instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of();
  }

  private void reject(JsonRpcLineChecker.Verdict verdict) {
    log.warn("rejected a stdin line: {}", verdict.errorMessage());
    write(JsonRpcLineChecker.errorResponse(verdict));
  }

  private void write(String responseLine) {
    byte[] response = (responseLine + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (protocolOut) {
      try {
        protocolOut.write(response);
        protocolOut.flush();
      } catch (IOException e) {
        log.warn("could not write a response: {}", e.toString());
      }
    }
  }
}
