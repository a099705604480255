package dev.bpx.paper;

import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.CommandParser;
import dev.bpx.paper.command.TimedCommand;
import dev.bpx.paper.engine.Engine;
import dev.bpx.paper.events.EventSink;
import dev.bpx.paper.market.AssetSpec;
import dev.bpx.paper.market.DefaultMarkets;
import dev.bpx.paper.market.Holding;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.upstream.UpstreamSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local exchange that speaks Backpack's REST API on loopback.
 *
 * <pre>{@code
 * try (PaperExchange paper = PaperExchange.builder().seed(7).start()) {
 *   String url = paper.url();   // http://127.0.0.1:<port>, use as the client's base URL
 *   // any ED25519 key pair is an account; a new key gets the starting portfolio
 * }
 * }</pre>
 *
 * Thread-safe: requests from any number of clients are served concurrently; one writer thread
 * runs every command, reads are answered from a consistent replica without waiting for it.
 */
public final class PaperExchange implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PaperExchange.class);
  private final ExchangeParts parts;

  private PaperExchange(ExchangeParts parts) {
    this.parts = parts;
    LOG.info("paper exchange on {} (state {}; {})", url(), parts.stateFile() == null ? "in memory" : parts.stateFile(),
        marketData());
  }

  /**
   * {@return the name of the state file {@link Builder#dataDirectory} uses for the market data of the
   * upstream at {@code rest}, or for simulated prices when {@code rest} is null} One per market source,
   * so a state never moves between simulated and real prices, nor between upstreams.
   */
  public static String stateFileName(URI rest) {
    if (rest == null) {
      return "simulated.journal";
    }
    String where = rest.getHost() + (rest.getPort() < 0 ? "" : "-" + rest.getPort()) + rest.getPath();
    return "upstream-" + where.replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("_+$", "") + ".journal";
  }

  /** {@return the state file in use, empty in memory} */
  public Optional<Path> stateFile() {
    return Optional.ofNullable(parts.stateFile());
  }

  /**
   * {@return how old the upstream's data for a market is (since the mirror last confirmed its book
   * current), or empty on simulated prices and for a market the upstream does not list}
   */
  public Optional<Duration> marketDataAge(String symbol) {
    return parts.upstream() == null ? Optional.empty() : parts.upstream().dataAge(symbol);
  }

  /**
   * {@return the markets whose upstream data is older than the stale bound ({@link Builder#staleAfter}), with
   * their age, oldest first: market orders there are refused and limit orders take nothing and rest until the
   * data is current again (a market never read has the age {@code ChronoUnit.FOREVER.getDuration()}); empty on
   * simulated prices and while every market is current}
   */
  public Map<String, Duration> staleMarkets() {
    return parts.upstream() == null ? new LinkedHashMap<>() : parts.upstream().staleMarkets();
  }

  /** Runs the upstream pump once now (this module's tests: with a long {@code pumpInterval}, the pump's only runs). */
  void pumpNow() {
    parts.upstream().pumpNow();
  }

  /**
   * {@return which market data this exchange trades on, for people: {@code "real market data from
   * <upstream REST URL>"} or {@code "simulated prices"}}
   */
  public String marketData() {
    return parts.upstream() == null ? "simulated prices" : UpstreamSide.describe(parts.upstream().mirror());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@return the base URL, e.g. {@code http://127.0.0.1:8090}} */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return parts.http().port();
  }

  /**
   * {@return the WebSocket URL, e.g. {@code ws://127.0.0.1:8091}: Backpack's streams at the root path}
   *
   * @throws IllegalStateException unless the builder's {@code webSocketPort} enabled the WebSocket side
   */
  public String wsUrl() {
    if (parts.ws() == null) {
      throw new IllegalStateException("WebSocket not enabled: use PaperExchange.builder().webSocketPort(0)");
    }
    return parts.ws().url();
  }

  public PaperClock clock() {
    return parts.clock();
  }

  /** {@return every endpoint served, as "METHOD path"} */
  public List<String> endpoints() {
    return parts.http().endpoints();
  }

  /** Advances exchange time (funding, interest, triggers and the walk run as it passes). */
  public void advance(Duration d) {
    parts.advanceMillis(d.toMillis());
  }

  /**
   * Moves a market's price (mark, index and the maker's quotes), and with it every market of the
   * same base asset: spot and perp of an asset share one price walk.
   */
  public void setPrice(String symbol, BigDecimal price) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("symbol", symbol);
    payload.put("price", price);
    submit(CommandParser.setPrice(payload));
  }

  /** Credits an asset to the account of an API key (opening it if new). */
  public void fund(String apiKey, String asset, BigDecimal quantity) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("asset", asset);
    payload.put("quantity", quantity);
    submit(CommandParser.fund(apiKey, payload));
  }

  /** Closes positions, cancels orders and restores the starting portfolio of an account. */
  public void reset(String apiKey) {
    submit(new Command.Reset(apiKey));
  }

  private void submit(Command command) {
    parts.store().submit(new TimedCommand(parts.clock().millis(), command));
  }

  /**
   * Compacts the state file now: a snapshot of the current state replaces the commands journaled
   * so far (written beside it, forced to disk, renamed over it). Start does this by itself when the
   * journal holds {@link Builder#compactAfter} commands or more. No-op in memory.
   */
  public void compact() {
    parts.store().compact(parts.clock().offsetMillis());
  }

  /**
   * {@return the state hash of the engine (see {@code dev.bpx.paper.store.StateHash}): equal for two
   * exchanges in the same state, whether live, replayed from a journal or restored from a snapshot}
   *
   * @throws IllegalStateException if the exchange's two replicas differ (a bug: they take the same commands)
   */
  public String stateHash() {
    List<String> hashes = parts.store().stateHashes();
    if (!hashes.get(0).equals(hashes.get(1))) {
      throw new IllegalStateException("the replicas differ: " + hashes);
    }
    return hashes.get(0);
  }

  /**
   * Runs a read against a consistent engine state (tests, diagnostics), beside the writer on the
   * published replica: the function must not change the engine.
   */
  public <T> T inspect(Function<Engine, T> read) {
    return parts.store().inspect(parts.clock().millis(), read);
  }

  /** Stops the upstream pump and mirror, the fronts, then the engine and its journal (see {@link ExchangeParts}). */
  @Override
  public void close() {
    parts.close();
  }

  /**
   * Configures a paper exchange. Not thread-safe. (The fields are package-private: {@link ExchangeParts} and
   * {@link OpenedState} read them.)
   */
  public static final class Builder {
    int port;
    int webSocketPort = -1;
    EventSink eventSink;
    long seed = 1;
    Path stateFile;
    boolean fsync = true;
    long compactAfter = 10_000;
    PaperClock clock;
    boolean controlApi;
    int makerLevels = 20;
    List<AssetSpec> assets = DefaultMarkets.assets();
    List<MarketSpec> markets = DefaultMarkets.markets();
    Map<String, Holding> portfolio = defaultPortfolio();
    UpstreamSettings upstream;
    Path dataDirectory;
    Duration staleAfter = Duration.ofSeconds(10);
    Duration pumpInterval = Duration.ofSeconds(1);

    private Builder() {}

    /**
     * Trades on an upstream Backpack-compatible exchange's real market instead of simulated prices:
     * its markets, filters, books, trades and prices, read from its public API (never a signed request,
     * nothing about accounts). Accounts, orders and history stay here. {@code start()} fails with an
     * {@link UpstreamUnavailableException} when the upstream cannot be read.
     *
     * @param rest the REST base, e.g. {@code https://api.backpack.exchange}
     * @param ws the stream URL, e.g. {@code wss://ws.backpack.exchange}; null polls REST only
     */
    public Builder upstream(URI rest, URI ws) {
      this.upstream = UpstreamSettings.of(rest, ws);
      return this;
    }

    /** The upstream's settings in full (this module's tests: faster polls and reconnects). */
    Builder upstream(UpstreamSettings settings) {
      this.upstream = settings;
      return this;
    }

    /** How often upstream prices the accounts depend on are journaled (this module's tests). */
    Builder pumpInterval(Duration interval) {
      this.pumpInterval = interval;
      return this;
    }

    /**
     * Upstream mode: market orders are refused when the market's data is older than this (default 10 s);
     * limit orders then take no liquidity and rest.
     */
    public Builder staleAfter(Duration bound) {
      if (bound.isNegative() || bound.isZero()) {
        throw new IllegalArgumentException("staleAfter <= 0");
      }
      this.staleAfter = bound;
      return this;
    }

    /** Default: USDC, BTC and SOL, part lent and part staked, so every balance column shows. */
    public static Map<String, Holding> defaultPortfolio() {
      Map<String, Holding> p = new LinkedHashMap<>();
      p.put("USDC", new Holding(new BigDecimal("10000"), new BigDecimal("2000"), BigDecimal.ZERO));
      p.put("BTC", new Holding(new BigDecimal("0.1"), new BigDecimal("0.05"), BigDecimal.ZERO));
      p.put("SOL", new Holding(new BigDecimal("20"), new BigDecimal("5"), new BigDecimal("10")));
      return p;
    }

    /** Port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = checkedPort("port", port);
      return this;
    }

    /** {@return {@code port} when it is a TCP port or 0 (pick a free one)} */
    private static int checkedPort(String name, int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(name + " out of range: " + port);
      }
      return port;
    }

    /**
     * Also hands every batch of stream events to {@code sink} (this module's tests: the events as the
     * engine made them, before any WebSocket). Package-private: not an embedding option.
     */
    Builder eventSink(EventSink sink) {
      this.eventSink = sink;
      return this;
    }

    /**
     * Also serve Backpack's WebSocket streams on this 127.0.0.1 port (0 picks a free one); see
     * {@link PaperExchange#wsUrl()}. Default: no WebSocket server, so embedders that never stream pay
     * no thread and no port.
     */
    public Builder webSocketPort(int port) {
      this.webSocketPort = checkedPort("webSocketPort", port);
      return this;
    }

    /** Seed of the price walk: the same seed gives the same tape. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * A directory holding one state file per market source: {@code simulated.journal}, or
     * {@code upstream-<host>[-<port>].journal} with {@link #upstream}. A state made on one market is
     * never opened on another (its positions would be revalued). {@link #stateFile} wins when both are set.
     */
    public Builder dataDirectory(Path dir) {
      this.dataDirectory = dir;
      return this;
    }

    /** Journal file; state survives restarts. Without it the exchange lives in memory. */
    public Builder stateFile(Path file) {
      this.stateFile = file;
      return this;
    }

    /** Whether each journal append is forced to disk (default true; false survives process crashes only). */
    public Builder fsync(boolean fsync) {
      this.fsync = fsync;
      return this;
    }

    /**
     * Compacts the journal at start when it holds at least this many commands since the last
     * compaction (default 10 000, about 2 MB; replaying them costs about a second).
     */
    public Builder compactAfter(long commands) {
      if (commands < 0) {
        throw new IllegalArgumentException("commands < 0");
      }
      this.compactAfter = commands;
      return this;
    }

    public Builder clock(PaperClock clock) {
      this.clock = clock;
      return this;
    }

    /** Enables the {@code /_paper/} control API (default off). */
    public Builder controlApi(boolean enabled) {
      this.controlApi = enabled;
      return this;
    }

    /** What a new account receives, per asset. */
    public Builder startingPortfolio(Map<String, Holding> portfolio) {
      this.portfolio = new LinkedHashMap<>(portfolio);
      return this;
    }

    public Builder makerLevels(int levels) {
      if (levels < 1) {
        throw new IllegalArgumentException("levels < 1");
      }
      this.makerLevels = levels;
      return this;
    }

    public Builder markets(List<AssetSpec> assets, List<MarketSpec> markets) {
      this.assets = List.copyOf(assets);
      this.markets = List.copyOf(markets);
      return this;
    }

    /** Starts serving; returns once the port is bound. */
    public PaperExchange start() {
      return new PaperExchange(ExchangeParts.start(this));
    }
  }
}
