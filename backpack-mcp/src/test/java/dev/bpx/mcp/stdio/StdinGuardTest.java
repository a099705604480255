package dev.bpx.mcp.stdio;

import java.io.OutputStream;
import java.time.Duration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StdinGuardTest {
  /** The first request of every session; requests after it reach the SDK (ping never does: the guard answers it). */
  private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
      + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
  private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"tools/list\",\"params\":{\"cursor\":\"é✓\"}}";

  private final ByteArrayOutputStream protocolOut = new ByteArrayOutputStream();
  private final AtomicInteger ends = new AtomicInteger();

  /** Runs the guard over {@code input} to its end; returns what it forwarded to the transport. */
  private byte[] runOver(byte[] input, int maxLineBytes) throws IOException {
    // No transport answers here: no wait at the end of input (the wait has tests of its own below).
    StdinGuard guard = new StdinGuard(new ByteArrayInputStream(input), protocolOut, maxLineBytes, ends::incrementAndGet,
        Duration.ZERO);
    guard.run();
    return guard.transportInput().readAllBytes();
  }

  private byte[] runOver(String input, ToolCallFilter filter) throws IOException {
    StdinGuard guard = new StdinGuard(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), protocolOut,
        StdinGuard.DEFAULT_MAX_LINE_BYTES, ends::incrementAndGet, Duration.ZERO);
    guard.filterToolCalls(filter);
    guard.run();
    return guard.transportInput().readAllBytes();
  }

  private static String ping(Object id) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}";
  }

  private static String call(int id, String tool, String arguments) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
        + "\",\"arguments\":" + arguments + "}}";
  }

  @Test
  void pingIsAnsweredAtOnceAlsoBeforeInitializeAndNeverWaitsForTheSdk() throws IOException {
    byte[] forwarded = runOver(String.join("\n", ping(5), ping("\"p\""), INIT, ping(6), ""));
    assertThat(new String(forwarded, StandardCharsets.UTF_8)).isEqualTo(INIT + "\n");
    assertThat(protocolOut.toString(StandardCharsets.UTF_8)).isEqualTo(String.join("\n",
        "{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"result\":{}}",
        "{\"jsonrpc\":\"2.0\",\"id\":6,\"result\":{}}", ""));
  }

  @Test
  void aRequestBeforeInitializeIsAnsweredWithAnErrorSayingToInitializeFirst() throws IOException {
    byte[] forwarded = runOver(String.join("\n", LIST, INIT, LIST, ""));
    assertThat(new String(forwarded, StandardCharsets.UTF_8)).as("the same request after initialize is served")
        .isEqualTo(INIT + "\n" + LIST + "\n");
    List<Map<String, Object>> errors = errorsWritten();
    assertThat(errors).hasSize(1);
    assertThat(code(errors.get(0))).isEqualTo(StdinGuard.NOT_INITIALIZED);
    assertThat(errors.get(0)).containsEntry("id", "b");
    assertThat(errors.get(0).get("error").toString()).contains("send \"initialize\" first", "tools/list");
  }

  @Test
  void aToolCallTheFilterAnswersIsAnsweredHereWithItsResultAndNotForwarded() throws IOException {
    ToolCallFilter filter = new ToolCallFilter() {
      @Override
      public java.util.Optional<Object> answer(String tool, Map<String, Object> arguments) {
        return tool.equals("create_order")
            ? java.util.Optional.of(io.modelcontextprotocol.spec.McpSchema.CallToolResult.builder()
                .addTextContent("read-only mode is on").isError(true).build())
            : java.util.Optional.empty();
      }

      @Override
      public Map<String, Object> rewrite(String tool, Map<String, Object> arguments) {
        return null;
      }
    };
    String allowed = call(3, "get_balances", "{}");
    byte[] forwarded = runOver(String.join("\n", INIT, call(2, "create_order", "{\"symbol\":\"SOL_USDC\"}"), allowed, ""), filter);
    assertThat(new String(forwarded, StandardCharsets.UTF_8)).isEqualTo(INIT + "\n" + allowed + "\n");
    List<Map<String, Object>> answers = errorsWritten();
    assertThat(answers).hasSize(1);
    assertThat(answers.get(0)).containsEntry("id", new BigDecimal("2")).containsKey("result");
    assertThat(answers.get(0).get("result").toString()).contains("isError=true", "read-only mode is on");
  }

  @Test
  void malformedToolCallsAndUnknownToolsAreInvalidParamsThatSayWhatToSend() throws IOException {
    ToolCallFilter offersTwo = new ToolCallFilter() {
      @Override
      public boolean offers(String tool) {
        return tool.equals("get_ticker") || tool.equals("create_order");
      }

      @Override
      public java.util.Optional<Object> answer(String tool, Map<String, Object> arguments) {
        return java.util.Optional.empty();
      }

      @Override
      public Map<String, Object> rewrite(String tool, Map<String, Object> arguments) {
        return null;
      }
    };
    String longName = "x".repeat(100_000);
    String good = call(9, "get_ticker", "{\"symbol\":\"SOL_USDC\"}");
    String noArguments = "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/call\",\"params\":{\"name\":\"get_ticker\"}}";
    byte[] forwarded = runOver(String.join("\n", INIT,
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"arguments\":{}}}",
        call(4, "get_ticker", "\"SOL_USDC\""),
        call(5, "no_such_tool", "{}"),
        call(6, longName, "{}"),
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":[\"get_ticker\"]}",
        good, noArguments, ""), offersTwo);

    assertThat(new String(forwarded, StandardCharsets.UTF_8)).as("only the well-formed calls reach the SDK")
        .isEqualTo(INIT + "\n" + good + "\n" + noArguments + "\n");
    List<Map<String, Object>> errors = errorsWritten();
    assertThat(errors).hasSize(6);
    assertThat(errors).allSatisfy(e -> assertThat(code(e)).isEqualTo(-32602));
    assertThat(message(errors.get(0))).contains("tools/call takes params {\"name\"");
    assertThat(message(errors.get(1))).contains("needs \"name\"");
    assertThat(message(errors.get(2))).contains("\"arguments\" of tools/call must be a JSON object", "not a string");
    assertThat(message(errors.get(3))).isEqualTo("Unknown tool: no_such_tool. tools/list gives the tools this server offers");
    assertThat(message(errors.get(4))).contains("xxx... (100000 characters)").hasSizeLessThan(200);
    assertThat(message(errors.get(5))).contains("tools/call takes params");
    assertThat(errors).extracting(e -> e.get("id")).containsExactly(new BigDecimal("2"), new BigDecimal("3"),
        new BigDecimal("4"), new BigDecimal("5"), new BigDecimal("6"), new BigDecimal("7"));
  }

  @Test
  void toolCallArgumentsTheFilterRewritesAreForwardedAndTheRestOfTheLineKeepsItsValues() throws IOException {
    ToolCallFilter amountsAsText = new ToolCallFilter() {
      @Override
      public java.util.Optional<Object> answer(String tool, Map<String, Object> arguments) {
        return java.util.Optional.empty();
      }

      @Override
      public Map<String, Object> rewrite(String tool, Map<String, Object> arguments) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(arguments);
        out.put("quantity", ((BigDecimal) arguments.get("quantity")).toPlainString());
        return out;
      }
    };
    String line = call(4, "create_order", "{\"symbol\":\"SOL_USDC\",\"quantity\":0.10,\"clientId\":12345678901234567890}");
    byte[] forwarded = runOver(INIT + "\n" + line + "\n", amountsAsText);
    String[] lines = new String(forwarded, StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(2);
    @SuppressWarnings("unchecked")
    Map<String, Object> params = (Map<String, Object>) ((Map<String, Object>) Json.parse(lines[1])).get("params");
    assertThat(params).containsEntry("name", "create_order");
    assertThat(params.get("arguments")).isEqualTo(Map.of("symbol", "SOL_USDC", "quantity", "0.10",
        "clientId", new BigDecimal("12345678901234567890")));
    assertThat(((Map<?, ?>) Json.parse(lines[1])).get("id")).isEqualTo(new BigDecimal("4"));
  }

  @Test
  void aTrackedToolCallIsTaggedWithItsIdAndACancelOfItIsRecordedWhereTheSdkWouldDropIt() throws Exception {
    StdinGuard guard = new StdinGuard(new ByteArrayInputStream((INIT + "\n"
        + "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"create_order\","
        + "\"arguments\":{\"symbol\":\"SOL_USDC\"},\"_meta\":{\"progressToken\":\"p1\"}}}\n"
        + call(8, "create_order", "{}") + "\n"
        + call(9, "get_order", "{\"symbol\":\"SOL_USDC\"}") + "\n"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":7,\"reason\":\"stop\"}}\n")
        .getBytes(StandardCharsets.UTF_8)), protocolOut, StdinGuard.DEFAULT_MAX_LINE_BYTES, ends::incrementAndGet,
        Duration.ZERO);
    guard.trackCancellation(java.util.Set.of("create_order"));
    guard.run();
    String[] lines = new String(guard.transportInput().readAllBytes(), StandardCharsets.UTF_8).split("\n");

    // Read as the SDK reads them: its own JSON mapper and its CallToolRequest (params._meta -> meta()).
    io.modelcontextprotocol.json.McpJsonMapper mapper = io.modelcontextprotocol.json.McpJsonDefaults.getMapper();
    io.modelcontextprotocol.spec.McpSchema.CallToolRequest seven = toolCall(mapper, lines[1]);
    io.modelcontextprotocol.spec.McpSchema.CallToolRequest eight = toolCall(mapper, lines[2]);
    assertThat(seven.meta()).containsEntry("progressToken", "p1");
    assertThat(seven.arguments()).containsEntry("symbol", "SOL_USDC");
    assertThat(guard.cancelledRequests().isCancelled(seven.meta().get(CancelledRequests.META_KEY))).isTrue();
    assertThat(guard.cancelledRequests().isCancelled(eight.meta().get(CancelledRequests.META_KEY))).isFalse();
    assertThat(lines[3]).as("an untracked tool's line is forwarded byte-exact")
        .isEqualTo(call(9, "get_order", "{\"symbol\":\"SOL_USDC\"}"));
    assertThat(lines[4]).as("the notification still reaches the SDK").contains("notifications/cancelled");
    assertThat(guard.cancelledRequests().isCancelled(null)).isFalse();
  }

  @Test
  void theSameIdWrittenAsAnotherNumberIsTheSameRequestAndAStringIdIsAnother() {
    assertThat(CancelledRequests.key(new BigDecimal("7"))).isEqualTo(CancelledRequests.key(new BigDecimal("7.0")));
    assertThat(CancelledRequests.key(new BigDecimal("7"))).isNotEqualTo(CancelledRequests.key("7"));
    assertThat(CancelledRequests.key(Map.of())).isNull();
  }

  private static io.modelcontextprotocol.spec.McpSchema.CallToolRequest toolCall(
      io.modelcontextprotocol.json.McpJsonMapper mapper, String line) throws IOException {
    io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest request =
        (io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest) io.modelcontextprotocol.spec.McpSchema
            .deserializeJsonRpcMessage(mapper, line);
    return mapper.convertValue(request.params(), io.modelcontextprotocol.spec.McpSchema.CallToolRequest.class);
  }

  private byte[] runOver(String input) throws IOException {
    return runOver(input.getBytes(StandardCharsets.UTF_8), StdinGuard.DEFAULT_MAX_LINE_BYTES);
  }

  private List<Map<String, Object>> errorsWritten() {
    List<Map<String, Object>> out = new ArrayList<>();
    String text = protocolOut.toString(StandardCharsets.UTF_8);
    assertThat(text.isEmpty() || text.endsWith("\n")).as("every error line ends with a newline").isTrue();
    for (String line : text.lines().toList()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> message = (Map<String, Object>) Json.parse(line);
      out.add(message);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static String message(Map<String, Object> response) {
    return (String) ((Map<String, Object>) response.get("error")).get("message");
  }

  @SuppressWarnings("unchecked")
  private static int code(Map<String, Object> response) {
    return ((BigDecimal) ((Map<String, Object>) response.get("error")).get("code")).intValueExact();
  }

  @Test
  void atTheEndOfInputTheGuardWaitsForTheAnswersToRequestsItForwarded() throws Exception {
    CountDownLatch ended = new CountDownLatch(1);
    StdinGuard guard = new StdinGuard(new ByteArrayInputStream((INIT + "\n" + LIST + "\n").getBytes(StandardCharsets.UTF_8)),
        protocolOut, StdinGuard.DEFAULT_MAX_LINE_BYTES, ended::countDown, Duration.ofSeconds(30));
    guard.start();
    OutputStream transport = guard.transportOutput();

    assertThat(ended.await(300, TimeUnit.MILLISECONDS)).as("both requests are still unanswered").isFalse();
    synchronized (transport) {
      transport.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(ended.await(300, TimeUnit.MILLISECONDS)).as("request \"b\" is still unanswered").isFalse();
    synchronized (transport) {
      transport.write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{}}\n".getBytes(StandardCharsets.UTF_8));
      transport.write("{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"error\":{\"code\":-1,\"message\":\"x\"}}".getBytes(StandardCharsets.UTF_8));
      transport.write('\n');
    }
    assertThat(ended.await(5, TimeUnit.SECONDS)).as("every request answered: the input may end").isTrue();
    assertThat(protocolOut.toString(StandardCharsets.UTF_8)).as("answers pass through unchanged").contains("\"id\":\"b\"");
  }

  @Test
  void anUnansweredRequestDelaysTheEndOnlyUntilTheWaitRunsOut() throws Exception {
    CountDownLatch ended = new CountDownLatch(1);
    StdinGuard guard = new StdinGuard(new ByteArrayInputStream((INIT + "\n").getBytes(StandardCharsets.UTF_8)),
        protocolOut, StdinGuard.DEFAULT_MAX_LINE_BYTES, ended::countDown, Duration.ofMillis(200));
    long started = System.nanoTime();
    guard.start();

    assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(guard.transportInput().readAllBytes()).as("the request was still forwarded").isNotEmpty();
  }

  @Test
  void notificationsAreNotWaitedFor() throws Exception {
    CountDownLatch ended = new CountDownLatch(1);
    String note = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    new StdinGuard(new ByteArrayInputStream((note + "\n").getBytes(StandardCharsets.UTF_8)), protocolOut,
        StdinGuard.DEFAULT_MAX_LINE_BYTES, ended::countDown, Duration.ofSeconds(30)).start();

    assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void validLinesAreForwardedByteExactOnePerLine() throws IOException {
    String escaped = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"x\",\"params\":{\"s\":\"\\u00e9\\n\\\"\",\"n\":1.50E+2, \"k\" : [ ]}}";
    byte[] input = (INIT + "\n" + LIST + "\n" + escaped + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] forwarded = runOver(input, StdinGuard.DEFAULT_MAX_LINE_BYTES);
    assertThat(forwarded).isEqualTo(input);
    assertThat(protocolOut.size()).isZero();
    assertThat(ends).hasValue(1);
  }

  @Test
  void crlfLineEndingsAreAccepted() throws IOException {
    byte[] forwarded = runOver(INIT + "\r\n" + LIST + "\r\n");
    assertThat(new String(forwarded, StandardCharsets.UTF_8)).isEqualTo(INIT + "\n" + LIST + "\n");
    assertThat(protocolOut.size()).isZero();
  }

  @Test
  void blankLinesAreSkippedSilently() throws IOException {
    byte[] forwarded = runOver("\n   \n\r\n" + INIT + "\n\t\n");
    assertThat(new String(forwarded, StandardCharsets.UTF_8)).isEqualTo(INIT + "\n");
    assertThat(protocolOut.size()).isZero();
  }

  @Test
  void lastLineWithoutNewlineIsStillForwarded() throws IOException {
    assertThat(new String(runOver(INIT), StandardCharsets.UTF_8)).isEqualTo(INIT + "\n");
  }

  @Test
  void malformedLinesGetErrorsAndTheLinesAroundThemAreForwarded() throws IOException {
    byte[] forwarded = runOver(String.join("\n", "garbage{", INIT, "[1,2]",
        "{\"jsonrpc\":\"1.0\",\"id\":9,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":null}", LIST, ""));
    assertThat(new String(forwarded, StandardCharsets.UTF_8)).isEqualTo(INIT + "\n" + LIST + "\n");
    List<Map<String, Object>> errors = errorsWritten();
    assertThat(errors).hasSize(4);
    assertThat(code(errors.get(0))).isEqualTo(-32700);
    assertThat(errors.get(0)).containsEntry("id", null).containsEntry("jsonrpc", "2.0");
    assertThat(code(errors.get(1))).isEqualTo(-32600);
    assertThat(code(errors.get(2))).isEqualTo(-32600);
    assertThat(errors.get(2).get("id")).isEqualTo(new BigDecimal("9"));
    assertThat(code(errors.get(3))).isEqualTo(-32600);
  }

  @Test
  void oversizeLineIsDroppedWithAnErrorAndTheNextLineIsServed() throws IOException {
    int max = 256;
    String huge = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(10_000) + "\"}}";
    String exact = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\",\"params\":{\"pad\":\"\"}}";
    exact = exact.replace("\"pad\":\"\"", "\"pad\":\"" + "y".repeat(max - exact.length()) + "\"");
    assertThat(exact).hasSize(max);
    byte[] forwarded = runOver((huge + "\n" + INIT + "\n" + exact + "\n").getBytes(StandardCharsets.UTF_8), max);
    assertThat(new String(forwarded, StandardCharsets.UTF_8)).isEqualTo(INIT + "\n" + exact + "\n");
    List<Map<String, Object>> errors = errorsWritten();
    assertThat(errors).hasSize(1);
    assertThat(code(errors.get(0))).isEqualTo(-32600);
    assertThat(errors.get(0)).containsEntry("id", null);
    assertThat(errors.get(0).get("error").toString()).contains("longer than " + max);
  }

  @Test
  void endOfInputEndsTheFeedAndRunsOnEndOnce() throws Exception {
    PipedOutputStream client = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(client, 1 << 16);
    CountDownLatch ended = new CountDownLatch(1);
    StdinGuard guard = new StdinGuard(stdin, protocolOut, 1024, ended::countDown, Duration.ZERO); // nothing answers the ping here
    guard.start();
    InputStream transport = guard.transportInput();

    client.write((INIT + "\n").getBytes(StandardCharsets.UTF_8));
    client.flush();
    byte[] first = new byte[INIT.length() + 1];
    int read = 0;
    while (read < first.length) {
      int n = transport.read(first, read, first.length - read);
      assertThat(n).isPositive();
      read += n;
    }
    assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(INIT + "\n");
    assertThat(ended.getCount()).isEqualTo(1);

    client.close();
    assertThat(ended.await(5, TimeUnit.SECONDS)).as("onEnd ran after stdin closed").isTrue();
    assertThat(transport.read()).isEqualTo(-1);
    assertThat(transport.read(new byte[8], 0, 8)).isEqualTo(-1);
  }

  @Test
  void failingStdinEndsTheFeedToo() throws IOException {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("broken pipe");
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        throw new IOException("broken pipe");
      }
    };
    StdinGuard guard = new StdinGuard(broken, protocolOut, 1024, ends::incrementAndGet);
    guard.run();
    assertThat(guard.transportInput().read()).isEqualTo(-1);
    assertThat(ends).hasValue(1);
  }
}
