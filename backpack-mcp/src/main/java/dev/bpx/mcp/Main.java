package dev.bpx.mcp;

import dev.bpx.mcp.config.ConfigException;
import dev.bpx.mcp.config.ServerConfig;
import dev.bpx.mcp.stdio.StdinGuard;
import dev.bpx.mcp.stdio.StdoutGuard;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the Backpack MCP server: {@code java -jar backpack-mcp.jar [--paper]}, and of the
 * {@code emergency-stop} command ({@link EmergencyStopCommand}) and the {@code breakers reset} command
 * ({@link BreakersCommand}).
 *
 * <p>Order of start-up matters: stdout is claimed for JSON-RPC before anything else can print, the
 * configuration is checked, and the server answers {@code initialize} and {@code tools/list} before
 * the exchange connection is opened. When stdin ends the process exits, whatever other threads are
 * doing.
 *
 * <p>A configuration error is said on stderr. A person at a terminal (stdin and stdout both a
 * terminal, which an MCP client's pipes never are) then gets exit code 2. Under an MCP client the
 * server starts anyway, because a client shows the assistant only "connection closed" for a server
 * that exits: the error heads the {@code instructions}, {@code get_server_status} reports it, and every
 * other tool answers with it and sends nothing.
 *
 * <p>Not thread-safe: {@code main} runs once.
 */
public final class Main {
  static final String CDS_TRAINING = "--cds-training";
  private static final Logger log = LoggerFactory.getLogger(Main.class);
  /**
   * The longest BACKPACK_CANCEL_ON_EXIT may hold up the exit: hosts end a server that does not exit after
   * closing its stdin with SIGTERM and then SIGKILL a few seconds later.
   */
  static final java.time.Duration EXIT_CANCEL_BOUND = java.time.Duration.ofSeconds(5);

  private Main() {}

  public static void main(String[] args) {
    OutputStream protocolOut = StdoutGuard.claim();
    PrintStream err = System.err;
    List<String> arguments = Arrays.asList(args);
    // --help and --version print on stdout (where people and scripts look) and never start the protocol.
    if (arguments.contains("--help") || arguments.contains("-h")) {
      print(protocolOut, Help.text());
      return;
    }
    if (arguments.contains("--version")) {
      print(protocolOut, "backpack-mcp " + ServerInfo.version() + "\n");
      return;
    }
    boolean training = arguments.contains(CDS_TRAINING);
    if (training) {
      Path dataDir = trainingDataDir();
      // Simulated market data: the build must not reach for the real exchange.
      ServerConfig config = ServerConfig.load(List.of("--paper"),
          Map.of("BACKPACK_DATA_DIR", dataDir.toString(), "BACKPACK_PAPER_MARKET_DATA", "simulated"), null, dataDir);
      run(new TradingSession(config), trainingSession(), protocolOut);
      return;
    }
    Map<String, String> env = System.getenv();
    Path workingDirDotEnv = Path.of(".env").toAbsolutePath();
    Path configDotEnv = ServerConfig.configDotEnv(env, userHome());
    TerminalCommand command = arguments.isEmpty() ? null : TerminalCommand.ALL.get(arguments.get(0));
    if (command != null) {
      PrintStream out = new PrintStream(protocolOut, true, StandardCharsets.UTF_8);
      int code = command.run(arguments.subList(1, arguments.size()), env, workingDirDotEnv, configDotEnv, userHome(),
          out, err);
      out.flush();
      // OkHttp and the paper exchange's threads must not keep the process alive.
      System.exit(code);
      return;
    }
    Path read = ServerConfig.chooseDotEnv(workingDirDotEnv, configDotEnv);
    log.info("settings: {}", settingsSource(read, workingDirDotEnv, configDotEnv));
    TradingSession session;
    try {
      session = new TradingSession(ServerConfig.load(arguments, env, workingDirDotEnv, configDotEnv, userHome()));
    } catch (ConfigException e) {
      err.println("backpack-mcp: configuration error: " + e.getMessage() + (e.getMessage().endsWith(".") ? " " : ". ")
          + e.fix() + ".");
      if (System.console() != null) {
        System.exit(2);
        return;
      }
      session = TradingSession.unconfigured(e);
    }
    if (session.config() != null && System.console() != null) {
      // A person started the server in a terminal rather than an MCP client through pipes.
      err.println(Banner.text(session.config()));
    }
    run(session, System.in, protocolOut);
  }

  /** {@return which .env file is read, in words for the log: the path, and the other file when it is skipped} */
  static String settingsSource(Path read, Path workingDirDotEnv, Path configDotEnv) {
    if (read == null) {
      return "environment only (no " + workingDirDotEnv + ", no " + configDotEnv + ")";
    }
    String skipped = read.equals(workingDirDotEnv) && java.nio.file.Files.isRegularFile(configDotEnv)
        ? "; " + configDotEnv + " is not read while the working directory has a .env"
        : "";
    return "read " + read + " (environment variables win over it)" + skipped;
  }

  private static void print(OutputStream out, String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (java.io.IOException e) {
      System.err.println("backpack-mcp: cannot write to stdout: " + e);
    }
  }

  /** $HOME when set (the JVM's user.home follows the password database and ignores it), else user.home. */
  static Path userHome() {
    String home = System.getenv("HOME");
    return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
  }

  static void run(TradingSession session, InputStream stdin, OutputStream protocolOut) {
    CountDownLatch ended = new CountDownLatch(1);
    StdinGuard guard = new StdinGuard(stdin, protocolOut, StdinGuard.DEFAULT_MAX_LINE_BYTES, ended::countDown);
    BackpackMcpServer server = BackpackMcpServer.start(session, guard);
    if (session.config() != null && session.config().cancelOnExit()) {
      // SIGTERM (a host that ends the server without closing stdin) runs shutdown hooks, not the code below.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> session.cancelOnExit(EXIT_CANCEL_BOUND), "cancel-on-exit-hook"));
    }
    guard.start();
    try {
      ended.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    session.cancelOnExit(EXIT_CANCEL_BOUND);
    server.close();
    // Client threads (OkHttp, the paper exchange's HTTP server) must not keep the process alive once
    // the MCP client has gone.
    System.exit(0);
  }

  /**
   * A fresh directory for the training session's paper account, deleted when the training run exits: the
   * private calls below open an account, and it must not land in the data directory of whoever builds
   * the jar or runs {@code setup}.
   */
  private static Path trainingDataDir() {
    try {
      Path dir = Files.createTempDirectory("backpack-mcp-cds-training-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "cds-training-cleanup"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the archive's training run", e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      System.err.println("backpack-mcp: could not delete the training run's " + dir + ": " + e);
    }
  }

  /**
   * A scripted session for building the class-data-sharing archive at build time: it exercises what
   * a real launch loads before answering {@code tools/list}, then the calls an assistant makes first (a
   * status, signed reads, a preview, an order placed and cancelled) against a paper account in a
   * temporary directory. Every class those calls load (the HTTP client, TLS set-up, JSON adapters,
   * signing) then comes from the archive, so a user's first tool call does not load them from the jar.
   */
  private static InputStream trainingSession() {
    // A bid that rests: below the simulated SOL price (about 185) and inside its price band (0.5x to 2x the last price).
    String order = "\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"quantity\":\"0.1\",\"price\":\"100\"";
    String script = String.join("\n",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"cds-training\",\"version\":\"1\"}}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"get_server_status\",\"arguments\":{}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"get_balances\",\"arguments\":{}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"list_orders\",\"arguments\":{}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"get_ticker\",\"arguments\":{\"symbol\":\"SOL_USDC\"}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"preview_order\",\"arguments\":{" + order + "}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"name\":\"create_order\",\"arguments\":{" + order + "}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"cancel_all_orders\",\"arguments\":{\"symbol\":\"SOL_USDC\"}}}",
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
