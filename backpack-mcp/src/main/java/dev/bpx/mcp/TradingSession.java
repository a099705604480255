package dev.bpx.mcp;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.DeadManSwitch;
import dev.bpx.client.EmergencyStopReport;
import dev.bpx.client.ClientSettings;
import dev.bpx.mcp.config.ConfigException;
import dev.bpx.mcp.config.Mode;
import dev.bpx.mcp.config.ServerConfig;
import dev.bpx.paper.PaperExchange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange connection behind the tools, opened on first use so that listing tools never waits for
 * it: in paper mode the embedded {@link PaperExchange} (state in the data directory) and a client
 * signed with the paper account's key; in live mode a client for the configured exchange and keys.
 * {@link PaperVenue} starts the paper exchange and keeps its lock and key; {@link SessionClients} builds the
 * client with the server's limits and journal.
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
  /** The trade journal's directory under the data directory, in both modes. */
  public static final String JOURNAL_DIR = "journal";

  private final ServerConfig config;
  /** Set when the configuration is wrong: then config is null and every use of the exchange fails with it. */
  private final ConfigException configProblem;
  /** Paper mode's exchange (not started before the first use); null in live mode or when the configuration is wrong. */
  private final PaperVenue paper;
  private BackpackClient client;
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
    this.paper = config != null && config.mode() == Mode.PAPER ? new PaperVenue(config) : null;
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
    return paper == null ? null : paper.marketData();
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
      client = paper != null ? openPaper() : SessionClients.live(config);
      if (config.cancelAfterIdle() != null && !exitCancelStarted.get()) {
        deadMan = client.orders().deadManSwitch(config.cancelAfterIdle(), () -> callsInFlight.get() > 0);
      }
      SessionClients.reconcileJournal(client);
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
    PaperExchange started = paper.exchange();
    return started != null ? started.url() : "embedded paper exchange on 127.0.0.1 (starts on first use)";
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

  private BackpackClient openPaper() {
    SigningKey key = paper.open();
    return SessionClients.paper(config, paper.exchange(), key);
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
  }

}
