package dev.bpx.mcp;

import dev.bpx.auth.SigningKey;
import dev.bpx.mcp.config.ConfigException;
import dev.bpx.mcp.config.PaperMarketData;
import dev.bpx.mcp.config.ServerConfig;
import dev.bpx.mcp.config.Settings;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.UpstreamUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paper mode's embedded exchange, apart from the session so that the session keeps to the connection's
 * life (open, dead-man switch, cancel on exit, close): this class owns the data directory's lock, the paper
 * account's key, the choice of market data (and the fallback of {@code auto}) and the words that describe it.
 *
 * <p>The paper account's key is generated once and kept in {@value #PAPER_KEY_FILE} (owner-only) in
 * the data directory, so the same account and its history come back at every start.
 *
 * <p>Not thread-safe for {@link #open()} and {@link #close()}, which the session calls under its lock;
 * {@link #marketData()} and {@link #exchange()} read volatile fields and never wait.
 */
final class PaperVenue implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PaperVenue.class);
  static final String PAPER_KEY_FILE = "paper-account.key";
  static final String PAPER_STATE_FILE = "paper-exchange.journal";
  static final String PAPER_LOCK_FILE = "paper.lock";

  private final ServerConfig config;
  /** Volatile: {@link #marketData()} reads it without the session's lock. */
  private volatile PaperExchange exchange;
  /** Held while this process owns the paper state; the OS releases it when the process ends. */
  private java.nio.channels.FileChannel lock;
  /** The market data in words, set when the exchange opens; see {@link #marketData()}. */
  private volatile String marketDataOpened;

  PaperVenue(ServerConfig config) {
    this.config = config;
  }

  /** {@return the started exchange; null before {@link #open()} succeeded} */
  PaperExchange exchange() {
    return exchange;
  }

  /**
   * Takes the data directory's lock, loads (or creates) the paper account's key and starts the exchange.
   *
   * @return the paper account's key, to sign the client's requests with
   * @throws ConfigException if the data directory cannot be used or {@code live} market data cannot be read
   * @throws PaperAccountInUseException if another server holds the paper account (until it exits)
   * @throws PaperStateException if the paper account's saved state cannot be opened (damaged, newer, diverging)
   */
  SigningKey open() {
    Path dir = config.dataDir();
    try {
      Files.createDirectories(dir);
      lockPaperState(dir);
      SigningKey key = loadOrCreatePaperKey(dir.resolve(PAPER_KEY_FILE));
      exchange = startPaperOnMarketData(dir);
      log.info("paper exchange started at {} on {} with state in {}", exchange.url(), marketDataOpened, dir);
      return key;
    } catch (IOException e) {
      throw new ConfigException("cannot use the data directory " + dir + " (" + e.getMessage()
          + "): set BACKPACK_DATA_DIR to a writable directory", e);
    }
  }

  /**
   * {@return the market data in words: as decided when the exchange opened ("real market data from
   * https://api.backpack.exchange", "simulated prices", with the reason when {@code auto} fell back),
   * before that the configured choice} Never waits: results of calls in flight read it.
   */
  String marketData() {
    String opened = marketDataOpened;
    if (opened == null) {
      return config.paperMarketData().describeChoice();
    }
    PaperExchange started = exchange;
    return started == null ? opened : opened + staleness(started.staleMarkets());
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
        PaperExchange started = startPaper(paperBuilder().upstream(data.upstreamUrl(), data.upstreamWsUrl()).dataDirectory(dir),
            dir.resolve(PaperExchange.stateFileName(data.upstreamUrl())));
        marketDataOpened = started.marketData();
        return started;
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
    PaperExchange started = startPaper(builder, dir.resolve(PAPER_STATE_FILE));
    marketDataOpened = started.marketData() + fallback;
    return started;
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
    if (lock != null) {
      return; // taken by an earlier attempt to open that failed after it
    }
    java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dir.resolve(PAPER_LOCK_FILE),
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
    java.nio.channels.FileLock taken;
    try {
      taken = channel.tryLock();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (taken == null) {
      channel.close();
      throw new PaperAccountInUseException(dir);
    }
    lock = channel;
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

  /** Stops the exchange, then gives up the data directory's lock. */
  @Override
  public void close() {
    if (exchange != null) {
      exchange.close();
    }
    if (lock != null) {
      try {
        lock.close();
      } catch (IOException e) {
        log.debug("releasing the paper lock: {}", e.toString());
      }
    }
  }
}
