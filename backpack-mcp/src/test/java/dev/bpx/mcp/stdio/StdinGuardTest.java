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
  private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
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
  private static int code(Map<String, Object> response) {
    return ((BigDecimal) ((Map<String, Object>) response.get("error")).get("code")).intValueExact();
  }

  @Test
  void atTheEndOfInputTheGuardWaitsForTheAnswersToRequestsItForwarded() throws Exception {
    CountDownLatch ended = new CountDownLatch(1);
    StdinGuard guard = new StdinGuard(new ByteArrayInputStream((PING + "\n" + LIST + "\n").getBytes(StandardCharsets.UTF_8)),
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
    StdinGuard guard = new StdinGuard(new ByteArrayInputStream((PING + "\n").getBytes(StandardCharsets.UTF_8)),
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
    byte[] input = (PING + "\n" + LIST + "\n" + escaped + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] forwarded = runOver(input, StdinGuard.DEFAULT_MAX_LINE_BYTES);
    assertThat(forwarded).isEqualTo(input);
    assertThat(protocolOut.size()).isZero();
    assertThat(ends).hasValue(1);
  }

  @Test
  void crlfLineEndingsAreAccepted() throws IOException {
    byte[] forwarded = runOver(PING + "\r\n" + LIST + "\r\n");
    assertThat(new String(forwarded, StandardCharsets.UTF_8)).isEqualTo(PING + "\n" + LIST + "\n");
    assertThat(protocolOut.size()).isZero();
  }

  @Test
  void blankLinesAreSkippedSilently() throws IOException {
    byte[] forwarded = runOver("\n   \n\r\n" + PING + "\n\t\n");
    assertThat(new String(forwarded, StandardCharsets.UTF_8)).isEqualTo(PING + "\n");
    assertThat(protocolOut.size()).isZero();
  }

  @Test
  void lastLineWithoutNewlineIsStillForwarded() throws IOException {
    assertThat(new String(runOver(PING), StandardCharsets.UTF_8)).isEqualTo(PING + "\n");
  }

  @Test
  void malformedLinesGetErrorsAndTheLinesAroundThemAreForwarded() throws IOException {
    byte[] forwarded = runOver(String.join("\n", "garbage{", PING, "[1,2]",
        "{\"jsonrpc\":\"1.0\",\"id\":9,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":null}", LIST, ""));
    assertThat(new String(forwarded, StandardCharsets.UTF_8)).isEqualTo(PING + "\n" + LIST + "\n");
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
    String exact = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\",\"params\":{\"pad\":\"\"}}";
    exact = exact.replace("\"pad\":\"\"", "\"pad\":\"" + "y".repeat(max - exact.length()) + "\"");
    assertThat(exact).hasSize(max);
    byte[] forwarded = runOver((huge + "\n" + PING + "\n" + exact + "\n").getBytes(StandardCharsets.UTF_8), max);
    assertThat(new String(forwarded, StandardCharsets.UTF_8)).isEqualTo(PING + "\n" + exact + "\n");
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

    client.write((PING + "\n").getBytes(StandardCharsets.UTF_8));
    client.flush();
    byte[] first = new byte[PING.length() + 1];
    int read = 0;
    while (read < first.length) {
      int n = transport.read(first, read, first.length - read);
      assertThat(n).isPositive();
      read += n;
    }
    assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(PING + "\n");
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
