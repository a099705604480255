package dev.bpx.mcp;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.DeadManSwitch;
import dev.bpx.client.EmergencyStopReport;
import dev.bpx.client.SafetyLimits;
import dev.bpx.client.ClientSettings;
import dev.bpx.mcp.config.ConfigException;
import dev.bpx.mcp.config.Mode;
import dev.bpx.mcp.config.ServerConfig;
import dev.bpx.client.stream.StreamSettings;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.UpstreamUnavailableException;
import dev.bpx.mcp.config.PaperMarketData;
import dev.bpx.mcp.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange connection behind the tools, opened on first use so that listing tools never waits for
 * it: in paper mode the embedded {@link PaperExchange} (state in the data directory) and a client
 * signed with the paper account's key; in live mode a client for the configured exchange and keys.
 *
 * <p>The paper account's key is generated once and kept in {@code paper-account.key} (owner-only) in
 * the data directory, so the same account and its history come back at every start.
 *
 * <p>The dead-man switch ({@code BACKPACK_CANCEL_AFTER_IDLE_MINUTES}) is armed when the connection opens,
 * that is at the first tool call that reaches the exchange; every tool call is activity, and no sweep
 * runs while one is in flight ({@link #callStarted()}, {@link #callEnded()}). Cancel on exit ({@code BACKPACK_CANCEL_ON_EXIT}, {@link #cancelOnExit(Duration)})
 * cancels in live mode whether or not a tool reached the exchange (orders of an earlier session may
 * rest there); in paper mode only when the paper exchange was started, since nothing trades on it while
 * no server runs it.
 *
 * <p>Thread-safe.
 */
public final class TradingSession implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TradingSession.class);
  static final String PAPER_KEY_FILE = "paper-account.key";
  static final String PAPER_STATE_FILE = "paper-exchange.journal";
  static final String PAPER_LOCK_FILE = "paper.lock";
  /** The trade journal's directory under the data directory, in both modes. */
  public static final String JOURNAL_DIR = "journal";

  private final ServerConfig config;
  /** Set when the configuration is wrong: then config is null and every use of the exchange fails with it. */
  private final ConfigException configProblem;
  /** Volatile: {@link #paperMarketData()} reads it without the session's lock. */
  private volatile PaperExchange paper;
  /** Held while this process owns the paper state; the OS releases it when the process ends. */
  private java.nio.channels.FileChannel paperLock;
  private BackpackClient client;
  /** Paper mode's market data in words, set when the paper exchange opens; see {@link #paperMarketData()}. */
  private volatile String paperMarketDataOpened;
  private boolean closed;
  /** Set once the connection opens when the idle setting is on; read without the session's lock by {@link #touch()}. */
  private volatile DeadManSwitch deadMan;
  private final AtomicBoolean exitCancelStarted = new AtomicBoolean();
  /** Tool calls under way: the dead-man switch does not sweep while any is. */
  private final AtomicInteger callsInFlight = new AtomicInteger();
  private final CountDownLatch exitCancelDone = new CountDownLatch(1);

  /** Creates a session; nothing is opened until {@link #client()}. */
  public TradingSession(ServerConfig config) {
    this(java.util.Objects.requireNonNull(config, "config"), null);
  }

  private TradingSession(ServerConfig config, ConfigException configProblem) {
    this.config = config;
    this.configProblem = configProblem;
  }

  /**
   * {@return a session for a server whose configuration is wrong: it trades nowhere, and
   * {@link #client()} fails with {@code problem}} The server still starts, so that the MCP client can
   * show the user why it cannot trade instead of "connection closed".
   */
  public static TradingSession unconfigured(ConfigException problem) {
    return new TradingSession(null, java.util.Objects.requireNonNull(problem, "problem"));
  }

  /** {@return the configuration problem that keeps this session from trading, if any} */
  public java.util.Optional<ConfigException> configProblem() {
    return java.util.Optional.ofNullable(configProblem);
  }

  /** {@return the mode the session trades in; null when the configuration is wrong} */
  public Mode mode() {
    return config == null ? null : config.mode();
  }

  /**
   * {@return paper mode's market data in words: as decided when the paper exchange opened ("real market
   * data from https://api.backpack.exchange", "simulated prices", with the reason when {@code auto} fell
   * back), before that the configured choice; null in live mode or when the configuration is wrong}
   * Never waits for the session's lock: results of calls in flight read it.
   */
  public String paperMarketData() {
    if (config == null || config.mode() != Mode.PAPER) {
      return null;
    }
    String opened = paperMarketDataOpened;
    if (opened == null) {
      return config.paperMarketData().describeChoice();
    }
    PaperExchange exchange = paper;
    return exchange == null ? opened : opened + staleness(exchange.staleMarkets());
  }

  /** {@return "" when every market's data is current, else which are stale and what that means for orders} */
  static String staleness(java.util.Map<String, Duration> stale) {
    if (stale.isEmpty()) {
      return "";
    }
    List<String> listed = stale.entrySet().stream().limit(5)
        .map(e -> e.getKey() + (e.getValue().toDays() > 365 ? " (never read)" : " (" + e.getValue().toSeconds() + " s old)"))
        .toList();
    return "; STALE on " + String.join(", ", listed) + (stale.size() > 5 ? " and " + (stale.size() - 5) + " more" : "")
        + ": market orders there are refused and limit orders rest until the data is current again";
  }

  /** {@return the configuration the session was made from; null when it is wrong (see {@link #configProblem()})} */
  public ServerConfig config() {
    return config;
  }

  /**
   * {@return the client, opening the exchange connection on the first call}
   *
   * @throws ConfigException if the configuration is wrong, the keys are malformed or the paper exchange cannot start
   * @throws PaperAccountInUseException if another server holds the paper account (until it exits)
   * @throws PaperStateException if the paper account's saved state cannot be opened (damaged, newer, diverging)
   */
  public synchronized BackpackClient client() {
    if (closed) {
      throw new IllegalStateException("the server is shutting down");
    }
    if (configProblem != null) {
      throw configProblem;
    }
    if (client == null) {
      client = config.mode() == Mode.PAPER ? openPaper() : openLive();
      if (config.cancelAfterIdle() != null && !exitCancelStarted.get()) {
        deadMan = client.orders().deadManSwitch(config.cancelAfterIdle(), () -> callsInFlight.get() > 0);
      }
      reconcileJournal(client);
    }
    return client;
  }

  /**
   * A tool call starts: activity for the dead-man switch, which sweeps nothing until every call in
   * flight has ended ({@link #callEnded()}), so a slow call never has its own order cancelled under it.
   */
  public void callStarted() {
    callsInFlight.incrementAndGet();
    touch();
  }

  /** A tool call ended (after {@link #callStarted()}): the idle time counts from now. */
  public void callEnded() {
    touch();
    callsInFlight.decrementAndGet();
  }

  /** Records activity for the dead-man switch: its idle time counts from now. No-op while it is not armed. */
  private void touch() {
    DeadManSwitch armed = deadMan;
    if (armed != null) {
      armed.touch();
    }
  }

  /**
   * When {@code BACKPACK_CANCEL_ON_EXIT} is on, cancels every open order on every market, waiting at most
   * {@code bound} so that it never holds up the exit; logs what it cancelled (stderr). Runs once: a second
   * call (the shutdown hook after stdin ended, or the other way round) waits for the first, within the bound.
   */
  public void cancelOnExit(Duration bound) {
    if (config == null || !config.cancelOnExit()) {
      return;
    }
    DeadManSwitch armed = deadMan;
    if (armed != null) {
      armed.close();
    }
    if (!exitCancelStarted.compareAndSet(false, true)) {
      awaitExitCancel(bound);
      return;
    }
    if (config.mode() == Mode.PAPER && !isOpen()) {
      log.info("cancel on exit: the paper exchange was not started in this session, so no order on it can have"
          + " changed; nothing to cancel");
      exitCancelDone.countDown();
      return;
    }
    Thread worker = new Thread(() -> {
      try {
        EmergencyStopReport report = client().orders().cancelAllOpenOrders();
        if (report.succeeded()) {
          log.info("cancel on exit: {}", report.cancelSummary());
        } else {
          log.warn("cancel on exit: {}; check the open orders (list_orders) when the server next runs", report.cancelSummary());
        }
      } catch (RuntimeException e) {
        log.warn("cancel on exit failed: {}; check the open orders (list_orders) when the server next runs", e.getMessage());
      } finally {
        exitCancelDone.countDown();
      }
    }, "cancel-on-exit");
    worker.setDaemon(true);
    worker.start();
    awaitExitCancel(bound);
  }

  private void awaitExitCancel(Duration bound) {
    try {
      if (!exitCancelDone.await(bound.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("cancel on exit: not finished within {} s; exiting anyway: check the open orders (list_orders)",
            bound.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@return the URL orders go to; for paper mode before first use, a description} */
  public synchronized String exchangeUrl() {
    if (config == null) {
      return "none (the configuration is wrong)";
    }
    if (config.mode() == Mode.LIVE) {
      return config.baseUrl();
    }
    return paper != null ? paper.url() : "embedded paper exchange on 127.0.0.1 (starts on first use)";
  }

  /**
   * {@return the account in words: for live mode the API key shortened to its first and last four
   * characters (enough to recognise, not to copy), for paper mode the same of the paper key}
   */
  public synchronized String accountLabel() {
    if (config == null) {
      return "none (the configuration is wrong)";
    }
    if (config.mode() == Mode.LIVE) {
      return config.environment().get(ClientSettings.PUBLIC_KEY).map(TradingSession::shorten)
          .orElseGet(() -> client != null ? client.publicKeyBase64().map(TradingSession::shorten).orElse("?")
              : "the key in BACKPACK_PRIVATE_KEY");
    }
    return client != null ? "paper account " + client.publicKeyBase64().map(TradingSession::shorten).orElse("?")
        : "paper account (opens on first use)";
  }

  static String shorten(String key) {
    return key.length() <= 12 ? "…" : key.substring(0, 4) + "…" + key.substring(key.length() - 4);
  }

  /**
   * {@return the trade journal's directory: {@code journal/} in the data directory, in both modes}
   *
   * @throws ConfigException if the configuration is wrong
   */
  public Path journalDir() {
    if (configProblem != null) {
      throw configProblem;
    }
    return journalDir(config);
  }

  static Path journalDir(ServerConfig config) {
    return config.dataDir().resolve(JOURNAL_DIR);
  }

  /** {@return the server version} */
  public static String serverVersion() {
    return ServerInfo.version();
  }

  /** {@return whether the connection has been opened} */
  public synchronized boolean isOpen() {
    return client != null;
  }

  private BackpackClient openLive() {
    try {
      return builderWithLimits(BackpackClient.builderFromEnvironment(config.clientEnvironment(), null)
          .streams(StreamSettings.builder().url(config.wsUrl()).build())).build();
    } catch (RuntimeException e) {
      throw new ConfigException("cannot use the configured keys: " + e.getMessage(), e);
    }
  }

  private BackpackClient openPaper() {
    Path dir = config.dataDir();
    try {
      Files.createDirectories(dir);
      lockPaperState(dir);
      SigningKey key = loadOrCreatePaperKey(dir.resolve(PAPER_KEY_FILE));
      paper = startPaperOnMarketData(dir);
      log.info("paper exchange started at {} on {} with state in {}", paper.url(), paperMarketDataOpened, dir);
      return builderWithLimits(BackpackClient.builderFromEnvironment(config.clientTuning(), null).baseUrl(paper.url())
          .streams(StreamSettings.builder().url(paper.wsUrl()).build()).signingKey(key)).build();
    } catch (IOException e) {
      throw new ConfigException("cannot use the data directory " + dir + " (" + e.getMessage()
          + "): set BACKPACK_DATA_DIR to a writable directory", e);
    }
  }

  /**
   * Starts the paper exchange on the market data the settings ask for, with that source's own state:
   * real market data keeps its state in the data directory's file for that upstream, simulated prices
   * in {@value #PAPER_STATE_FILE} (where every version before real market data kept it). With
   * {@code auto}, an upstream that cannot be read starts simulated prices and says why; with
   * {@code live} it is a configuration error.
   */
  private PaperExchange startPaperOnMarketData(Path dir) {
    PaperMarketData data = config.paperMarketData();
    String fallback = "";
    if (data.choice() != PaperMarketData.Choice.SIMULATED) {
      try {
        PaperExchange exchange = startPaper(paperBuilder().upstream(data.upstreamUrl(), data.upstreamWsUrl()).dataDirectory(dir),
            dir.resolve(PaperExchange.stateFileName(data.upstreamUrl())));
        paperMarketDataOpened = exchange.marketData();
        return exchange;
      } catch (UpstreamUnavailableException e) {
        if (data.choice() == PaperMarketData.Choice.LIVE) {
          throw new ConfigException(Settings.PAPER_MARKET_DATA, Settings.PAPER_MARKET_DATA + " is live but " + e.getMessage()
              + ": check the network and " + Settings.PAPER_UPSTREAM_URL + ", or set " + Settings.PAPER_MARKET_DATA
              + " to auto or simulated to practise on simulated prices", null, e);
        }
        log.warn("paper exchange: {}; trading on simulated prices instead", e.getMessage());
        fallback = " (" + data.upstreamUrl() + " could not be read when the paper exchange opened)";
      }
    }
    PaperExchange.Builder builder = paperBuilder().stateFile(dir.resolve(PAPER_STATE_FILE));
    if (config.paperSeed() != null) {
      builder.seed(config.paperSeed());
    }
    PaperExchange exchange = startPaper(builder, dir.resolve(PAPER_STATE_FILE));
    paperMarketDataOpened = exchange.marketData() + fallback;
    return exchange;
  }

  /** The WebSocket front too, on a free loopback port: get_order's waits listen to the order's updates. */
  private static PaperExchange.Builder paperBuilder() {
    return PaperExchange.builder().webSocketPort(0);
  }

  /**
   * Starts the paper exchange on its saved state. A state it refuses (a damaged journal, a newer
   * version's, a replay that diverges from what was acknowledged) becomes a {@link PaperStateException}
   * that says what the person can do; it is not an internal error.
   */
  private static PaperExchange startPaper(PaperExchange.Builder builder, Path stateFile) {
    try {
      return builder.start();
    } catch (UpstreamUnavailableException e) {
      throw e; // not the state's fault: the caller decides
    } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new PaperStateException(stateFile, e);
    }
  }

  /**
   * Two servers on one data directory (two MCP clients on one machine) would append to one journal
   * from two engines: order ids collide and a restart replays a mix neither of them reported.
   */
  private void lockPaperState(Path dir) throws IOException {
    if (paperLock != null) {
      return; // taken by an earlier attempt to open that failed after it
    }
    java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dir.resolve(PAPER_LOCK_FILE),
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
    java.nio.channels.FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new PaperAccountInUseException(dir);
    }
    paperLock = channel;
  }

  /**
   * Intents left without an outcome by a crash (of this server, or of another sharing the data
   * directory) are looked up on the exchange by clientId and their outcomes appended. A failure here is
   * logged and does not keep the session from opening: the intents stay pending for the next start.
   */
  private static void reconcileJournal(BackpackClient client) {
    client.journal().ifPresent(journal -> {
      try {
        List<dev.bpx.client.journal.JournalRecord> outcomes = journal.reconcile();
        for (dev.bpx.client.journal.JournalRecord outcome : outcomes) {
          log.warn("trade journal: intent {} on {} (clientId {}) had no outcome, probably from a crash; reconciled: {}",
              outcome.action(), outcome.symbol(), outcome.clientId(), outcome.result());
        }
      } catch (IOException | RuntimeException e) {
        log.error("trade journal: reconciling {} failed ({}); it is tried again at the next start", journal.dir(),
            e.getMessage());
      }
    });
  }

  private BackpackClient.Builder builderWithLimits(BackpackClient.Builder builder) {
    return builder.journal(journalDir(config)).safetyLimits(SafetyLimits.of(config.maxOrderNotional(), config.allowedSymbols())
        .withMaxPositionNotional(config.maxPositionNotional()).withMaxLeverage(config.maxLeverage())
        .withMaxOpenOrders(config.maxOpenOrders()).withMaxDailyNotional(config.maxDailyNotional())
        .withMaxDailyLoss(config.maxDailyLoss())).stateDirectory(config.dataDir());
  }

  static SigningKey loadOrCreatePaperKey(Path file) throws IOException {
    if (Files.exists(file)) {
      try {
        return SigningKey.fromBase64(Files.readString(file, StandardCharsets.UTF_8).strip());
      } catch (IllegalArgumentException e) {
        throw new IOException("the paper account key file " + file + " is damaged; delete it to start a new paper account");
      }
    }
    SigningKey key = SigningKey.generate();
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temp, key.exportPrivateKeyBase64() + "\n", StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the user profile directory is already private.
    }
    Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return key;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (deadMan != null) {
      deadMan.close();
    }
    if (client != null) {
      client.close();
    }
    if (paper != null) {
      paper.close();
    }
    if (paperLock != null) {
      try {
        paperLock.close();
      } catch (IOException e) {
        log.debug("releasing the paper lock: {}", e.toString());
      }
    }
  }

}
