package dev.bpx.mcp;

import dev.bpx.mcp.config.ConfigException;
import dev.bpx.mcp.config.ServerConfig;
import dev.bpx.mcp.stdio.StdinGuard;
import dev.bpx.mcp.stdio.StdoutGuard;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of the Backpack MCP server: {@code java -jar backpack-mcp.jar [--paper]}.
 *
 * <p>Order of start-up matters: stdout is claimed for JSON-RPC before anything else can print, the
 * configuration is checked (a wrong setting stops the server with a message on stderr and exit code
 * 2), and the server answers {@code initialize} and {@code tools/list} before the exchange connection
 * is opened. When stdin ends the process exits, whatever other threads are doing.
 *
 * <p>Not thread-safe: {@code main} runs once.
 */
public final class Main {
  static final String CDS_TRAINING = "--cds-training";

  private Main() {}

  public static void main(String[] args) {
    OutputStream protocolOut = StdoutGuard.claim();
    PrintStream err = System.err;
    List<String> arguments = Arrays.asList(args);
    if (arguments.contains("--help") || arguments.contains("-h")) {
      err.println(Help.TEXT);
      return;
    }
    if (arguments.contains("--version")) {
      err.println("backpack-mcp " + ServerInfo.version());
      return;
    }
    boolean training = arguments.contains(CDS_TRAINING);
    ServerConfig config;
    try {
      config = training
          ? ServerConfig.load(List.of("--paper"), java.util.Map.of(), null, Path.of(System.getProperty("java.io.tmpdir")))
          : ServerConfig.load(arguments, System.getenv(), Path.of(".env"), userHome());
    } catch (ConfigException e) {
      err.println("backpack-mcp: configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (!training && System.console() != null) {
      // A person started the server in a terminal rather than an MCP client through pipes.
      err.println(Banner.text(config));
    }
    InputStream stdin = training ? trainingSession() : System.in;
    run(config, stdin, protocolOut);
  }

  /** $HOME when set (the JVM's user.home follows the password database and ignores it), else user.home. */
  private static Path userHome() {
    String home = System.getenv("HOME");
    return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
  }

  static void run(ServerConfig config, InputStream stdin, OutputStream protocolOut) {
    CountDownLatch ended = new CountDownLatch(1);
    StdinGuard guard = new StdinGuard(stdin, protocolOut, StdinGuard.DEFAULT_MAX_LINE_BYTES, ended::countDown);
    BackpackMcpServer server = BackpackMcpServer.start(config, guard.transportInput(), guard.transportOutput());
    guard.start();
    try {
      ended.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
    // Client threads (OkHttp, the paper exchange's HTTP server) must not keep the process alive once
    // the MCP client has gone.
    System.exit(0);
  }

  /**
   * A scripted session for building the class-data-sharing archive at build time: it exercises what
   * a real launch loads before answering {@code tools/list}, plus one local tool call.
   */
  private static InputStream trainingSession() {
    String script = String.join("\n",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"cds-training\",\"version\":\"1\"}}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"get_server_status\",\"arguments\":{}}}",
        "");
    return new DelayedEndInputStream(script.getBytes(StandardCharsets.UTF_8));
  }

  /** Yields the script, then waits briefly before end-of-stream so the answers are written first. */
  private static final class DelayedEndInputStream extends ByteArrayInputStream {
    DelayedEndInputStream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      int n = super.read(b, off, len);
      if (n == -1) {
        try {
          Thread.sleep(1500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return n;
    }
  }
}
