package dev.bpx.paper.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.model.CapitalBalance;
import dev.bpx.client.model.Depth;
import dev.bpx.client.model.HistoricalOrder;
import dev.bpx.client.model.Order;
import dev.bpx.client.request.OrderHistoryQuery;
import dev.bpx.client.request.OrderRequest;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.engine.Engine;
import dev.bpx.paper.engine.MarketState;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Balance;
import dev.bpx.paper.ledger.PerpPosition;
import dev.bpx.paper.matching.Side;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many clients write and read at once, over real HTTP, on the system clock (so walk steps, maker
 * requotes and reads that must first advance time happen under load) while a thread makes time
 * jump through funding and interest, and an in-process reader inspects the engine's published
 * state. Every read is checked against invariants that a half-applied command would break.
 */
class ParallelTradingInvariantsTest {
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final int RESTERS = 2;
  private static final int TAKERS = 2;
  private static final int ORDERS_PER_WRITER = 120;

  /**
   * The system clock (in whole seconds, so signed timestamps and step times are round): time runs,
   * so walk steps, requotes and reads that must first advance time happen under load.
   */
  private final PaperExchange paper = PaperExchange.builder().seed(5)
      .clock(new PaperClock(Clock.tick(Clock.systemUTC(), Duration.ofSeconds(1)))).start();
  private final List<BackpackClient> clients = new ArrayList<>();
  private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
  /** Orders acknowledged to a client, by API key: order id to whether a cancel was sent for it. */
  private final Map<String, Map<String, Boolean>> acknowledged = new ConcurrentHashMap<>();
  /** Held (shared) by every client call in flight; a clock jump takes it exclusively. */
  private final ReentrantReadWriteLock inFlight = new ReentrantReadWriteLock();
  /** One permit per acknowledged order: paces the clock jumps. */
  private final Semaphore acks = new Semaphore(0);

  @AfterEach
  void close() {
    clients.forEach(BackpackClient::close);
    paper.close();
  }

  @Test
  void parallelWritersNeverShowAReaderAHalfAppliedCommand() throws Exception {
    paper.setPrice("SOL_USDC", new BigDecimal("150.00"));
    paper.setPrice("SOL_USDC_PERP", new BigDecimal("150.00"));
    List<SigningKey> resters = keys(RESTERS);
    List<SigningKey> takers = keys(TAKERS);
    // The first read opens each account; with no fills on resting orders far from the price, a
    // rester's per-asset capital total (available + locked + staked) can never change after it.
    Map<String, Map<String, BigDecimal>> resterTotals = new ConcurrentHashMap<>();
    for (SigningKey k : resters) {
      resterTotals.put(k.publicKeyBase64(), totals(client(k).capital().listCapitalBalances()));
    }
    takers.forEach(k -> client(k).capital().listCapitalBalances());
    Map<String, BigDecimal> exchangeTotals = paper.inspect(ParallelTradingInvariantsTest::exchangeTotals);

    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicLong reads = new AtomicLong();
    AtomicLong readsWhileWriting = new AtomicLong();
    ExecutorService pool = Executors.newCachedThreadPool();
    List<Future<?>> writers = new ArrayList<>();
    List<Future<?>> readers = new ArrayList<>();
    try {
      for (SigningKey k : resters) {
        writers.add(pool.submit(task(() -> rest(client(k), k.publicKeyBase64()))));
      }
      for (SigningKey k : takers) {
        writers.add(pool.submit(task(() -> take(client(k), k.publicKeyBase64()))));
      }
      writers.add(pool.submit(task(() -> {
        // 14 jumps of 5 minutes, spread over the run (one per 30 acknowledged orders): crosses
        // interest and funding boundaries. A jump waits until no signed request is in flight, as a
        // request signed before a jump would arrive 5 minutes late and be refused as expired.
        for (int i = 0; i < 14; i++) {
          if (!acks.tryAcquire(30, DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("writers stalled");
          }
          inFlight.writeLock().lock();
          try {
            paper.advance(Duration.ofMinutes(5));
          } finally {
            inFlight.writeLock().unlock();
          }
        }
      })));
      for (int r = 0; r < 3; r++) {
        List<BackpackClient> readClients = new ArrayList<>();
        resters.forEach(k -> readClients.add(client(k)));
        List<BackpackClient> takerClients = new ArrayList<>();
        takers.forEach(k -> takerClients.add(client(k)));
        readers.add(pool.submit(task(() -> {
          while (writing.get()) {
            int i = ThreadLocalRandom.current().nextInt(RESTERS);
            inFlight.readLock().lock();
            try {
              checkRester(readClients.get(i), resters.get(i).publicKeyBase64(), resterTotals);
              checkTaker(takerClients.get(ThreadLocalRandom.current().nextInt(TAKERS)));
              checkBook(readClients.get(i).markets().getDepth("SOL_USDC"));
              checkBook(readClients.get(i).markets().getDepth("SOL_USDC_PERP"));
            } finally {
              inFlight.readLock().unlock();
            }
            count(writing, reads, readsWhileWriting);
          }
        })));
      }
      readers.add(pool.submit(task(() -> {
        while (writing.get()) {
          List<String[]> acked = acknowledgedSoFar();
          paper.inspect(e -> {
            checkEngine(e, exchangeTotals, acked);
            return null;
          });
          count(writing, reads, readsWhileWriting);
        }
      })));
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      for (Future<?> w : writers) {
        w.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
      writing.set(false);
      for (Future<?> r : readers) {
        r.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } finally {
      writing.set(false);
      pool.shutdownNow();
    }

    // After the dust settles: every acknowledged order is in its account's history, once.
    for (SigningKey k : concat(resters, takers)) {
      List<HistoricalOrder> history = client(k).history().listOrders(OrderHistoryQuery.builder().limit(1000).build());
      Set<String> ids = new HashSet<>();
      history.forEach(o -> ids.add(o.id()));
      assertThat(ids).containsAll(acknowledged.getOrDefault(k.publicKeyBase64(), Map.of()).keySet());
    }
    paper.inspect(e -> {
      checkEngine(e, exchangeTotals, acknowledgedSoFar());
      return null;
    });
    assertThat(violations).isEmpty();
    int interestPayments = paper.inspect(e -> e.accounts().users().stream().mapToInt(a -> a.interest().size()).sum());
    assertThat(interestPayments).as("interest payments made while trading").isPositive();
    assertThat(readsWhileWriting.get()).as("reads that overlapped the writers").isGreaterThan(20);
  }

  // --- writers ---------------------------------------------------------------------------

  /** Limit orders far from the price (they rest, locking funds), some cancelled again. */
  private void rest(BackpackClient c, String apiKey) {
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    Map<String, Boolean> mine = acknowledged.computeIfAbsent(apiKey, k -> new ConcurrentHashMap<>());
    List<String> open = new ArrayList<>();
    for (int i = 0; i < ORDERS_PER_WRITER; i++) {
      boolean bid = rnd.nextBoolean();
      // Bids 95-115 and asks 200-250 around SOL's 185: inside its price band (0.5x to 2x the last price).
      BigDecimal price = BigDecimal.valueOf(bid ? 9500 + rnd.nextInt(2000) : 20000 + rnd.nextInt(5000), 2);
      BigDecimal quantity = BigDecimal.valueOf(1 + rnd.nextInt(4), 2);
      inFlight.readLock().lock();
      try {
        Order o = c.orders().place(OrderRequest.limit("SOL_USDC", bid ? dev.bpx.client.model.Side.BID
            : dev.bpx.client.model.Side.ASK, quantity, price).build());
        mine.put(o.id(), false);
        open.add(o.id());
        if (rnd.nextInt(3) == 0) {
          String id = open.remove(rnd.nextInt(open.size()));
          mine.put(id, true); // before sending: a reader may no longer expect it open
          c.orders().cancel("SOL_USDC", id);
        }
      } finally {
        inFlight.readLock().unlock();
      }
      acks.release();
    }
  }

  /** Market orders that trade with the maker: spot both ways and perp positions opened and reduced. */
  private void take(BackpackClient c, String apiKey) {
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    Map<String, Boolean> mine = acknowledged.computeIfAbsent(apiKey, k -> new ConcurrentHashMap<>());
    for (int i = 0; i < ORDERS_PER_WRITER; i++) {
      String symbol = rnd.nextBoolean() ? "SOL_USDC" : "SOL_USDC_PERP";
      dev.bpx.client.model.Side side = rnd.nextBoolean() ? dev.bpx.client.model.Side.BID
          : dev.bpx.client.model.Side.ASK;
      inFlight.readLock().lock();
      try {
        Order o = c.orders().place(OrderRequest.marketByQuantity(symbol, side,
            BigDecimal.valueOf(1 + rnd.nextInt(5), 2)).build());
        mine.put(o.id(), true); // filled or expired at once, never open
      } finally {
        inFlight.readLock().unlock();
      }
      acks.release();
    }
  }

  // --- checks on every read ---------------------------------------------------------------

  private void checkRester(BackpackClient c, String apiKey, Map<String, Map<String, BigDecimal>> expected) {
    Set<String> mustBeOpen = new HashSet<>();
    acknowledged.getOrDefault(apiKey, Map.of()).forEach((id, cancelSent) -> {
      if (!cancelSent) {
        mustBeOpen.add(id);
      }
    });
    Set<String> open = new HashSet<>();
    c.orders().listOpenOrders("SOL_USDC").forEach(o -> open.add(o.id()));
    mustBeOpen.removeAll(open);
    // A cancel is marked before it is sent: one still unmarked now was not processed before the read.
    mustBeOpen.removeIf(id -> acknowledged.get(apiKey).get(id));
    if (!mustBeOpen.isEmpty()) {
      violations.add("acknowledged orders missing from GET /orders: " + mustBeOpen);
    }
    Map<String, CapitalBalance> capital = c.capital().listCapitalBalances();
    nonNegative(capital);
    Map<String, BigDecimal> totals = totals(capital);
    if (!totals.equals(expected.get(apiKey))) {
      violations.add("a rester's capital total moved: " + expected.get(apiKey) + " -> " + totals);
    }
  }

  private void checkTaker(BackpackClient c) {
    nonNegative(c.capital().listCapitalBalances());
    c.account().listPositions();
    c.history().listOrders(OrderHistoryQuery.builder().limit(5).build());
  }

  private void nonNegative(Map<String, CapitalBalance> capital) {
    capital.forEach((asset, b) -> {
      if (b.available().signum() < 0 || b.locked().signum() < 0) {
        violations.add("negative " + asset + " balance: " + b);
      }
    });
  }

  private void checkBook(Depth d) {
    if (!d.bids().isEmpty() && !d.asks().isEmpty()
        && d.bids().get(d.bids().size() - 1).price().compareTo(d.asks().get(0).price()) >= 0) {
      violations.add("crossed book over HTTP: bid " + d.bids().get(d.bids().size() - 1) + " ask " + d.asks().get(0));
    }
  }

  /**
   * In one consistent state: every asset's total over all accounts (house and maker included) is
   * what it was at the start, as every movement is a transfer; no user has a negative available
   * balance; each user's locked balance is exactly what their open orders hold; no book is crossed;
   * perp positions net to zero; every acknowledged order exists.
   */
  private void checkEngine(Engine e, Map<String, BigDecimal> expectedTotals, List<String[]> acked) {
    Map<String, BigDecimal> totals = exchangeTotals(e);
    if (!totals.equals(expectedTotals)) {
      violations.add("exchange totals moved: " + expectedTotals + " -> " + totals);
    }
    for (Account a : e.accounts().users()) {
      Map<String, BigDecimal> lockedByOrders = new TreeMap<>();
      for (dev.bpx.paper.matching.Order o : a.orders().values()) {
        if (o.status().isOpen() && o.locked().signum() > 0) {
          MarketState m = e.markets().get(o.symbol());
          String asset = o.side() == Side.Bid ? m.spec.quoteSymbol() : m.spec.baseSymbol();
          lockedByOrders.merge(asset, o.locked(), BigDecimal::add);
        }
      }
      for (Map.Entry<String, Balance> b : a.balances().entrySet()) {
        if (b.getValue().available().signum() < 0) {
          violations.add("negative available " + b.getKey() + " " + b.getValue().available());
        }
        BigDecimal expected = lockedByOrders.getOrDefault(b.getKey(), BigDecimal.ZERO);
        if (b.getValue().locked().compareTo(expected) != 0) {
          violations.add("locked " + b.getKey() + " " + b.getValue().locked() + " but open orders hold " + expected);
        }
      }
    }
    for (MarketState m : e.markets().values()) {
      BigDecimal bid = m.book.best(Side.Bid);
      BigDecimal ask = m.book.best(Side.Ask);
      if (bid != null && ask != null && bid.compareTo(ask) >= 0) {
        violations.add("crossed book " + m.spec.symbol() + ": " + bid + " >= " + ask);
      }
      BigDecimal net = BigDecimal.ZERO;
      for (Account a : all(e)) {
        PerpPosition p = a.positions().get(m.spec.symbol());
        net = p == null ? net : net.add(p.netQuantity());
      }
      if (net.signum() != 0) {
        violations.add("perp positions on " + m.spec.symbol() + " net to " + net);
      }
    }
    for (String[] keyAndId : acked) {
      Account a = e.accounts().find(keyAndId[0]);
      if (a == null || !a.orders().containsKey(Long.parseLong(keyAndId[1]))) {
        violations.add("acknowledged order " + keyAndId[1] + " not in the engine");
      }
    }
  }

  private static Map<String, BigDecimal> exchangeTotals(Engine e) {
    Map<String, BigDecimal> t = new TreeMap<>();
    for (Account a : all(e)) {
      a.balances().forEach((asset, b) -> t.merge(asset, b.total(), BigDecimal::add));
      a.lends().forEach((asset, p) -> t.merge(asset, p.netQuantity(), BigDecimal::add));
    }
    t.replaceAll((k, v) -> v.stripTrailingZeros());
    return t;
  }

  private static List<Account> all(Engine e) {
    List<Account> out = new ArrayList<>(e.accounts().users());
    out.add(e.accounts().house());
    out.add(e.accounts().maker());
    return out;
  }

  private static Map<String, BigDecimal> totals(Map<String, CapitalBalance> capital) {
    Map<String, BigDecimal> t = new TreeMap<>();
    capital.forEach((asset, b) -> t.put(asset, b.available().add(b.locked()).add(b.staked()).stripTrailingZeros()));
    return t;
  }

  // --- plumbing --------------------------------------------------------------------------

  private List<String[]> acknowledgedSoFar() {
    List<String[]> out = new ArrayList<>();
    acknowledged.forEach((key, ids) -> ids.keySet().forEach(id -> out.add(new String[] {key, id})));
    return out;
  }

  private static void count(AtomicBoolean writing, AtomicLong reads, AtomicLong whileWriting) {
    reads.incrementAndGet();
    if (writing.get()) {
      whileWriting.incrementAndGet();
    }
  }

  /** Wraps a body so that a failure is recorded as well as thrown (a reader's failure would otherwise wait for join). */
  private Callable<Void> task(ThrowingRunnable body) {
    return () -> {
      try {
        body.run();
      } catch (Exception | AssertionError e) {
        violations.add(Thread.currentThread().getName() + ": " + e);
        throw e;
      }
      return null;
    };
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static List<SigningKey> keys(int n) {
    List<SigningKey> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(SigningKey.generate());
    }
    return out;
  }

  private static List<SigningKey> concat(List<SigningKey> a, List<SigningKey> b) {
    List<SigningKey> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private BackpackClient client(SigningKey key) {
    // The paper clock: it runs with the system clock plus what the test advanced.
    BackpackClient c = BackpackClient.builder().baseUrl(paper.url()).signingKey(key).clock(paper.clock()).sleeper(d -> { })
        .maxRetries(0).build();
    synchronized (clients) {
      clients.add(c);
    }
    return c;
  }
}
