package dev.bpx.paper.bench;

import dev.bpx.auth.SigningKey;
import dev.bpx.auth.json.Json;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.engine.Engine;
import dev.bpx.paper.engine.EngineConfig;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.market.DefaultMarkets;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A benchmark, not a test: start time, first-request latency and order throughput, in-process and
 * over HTTP with signatures through the typed client. Arguments (optional): {@code http} to run only
 * the HTTP throughput, then the number of rounds (3), of client threads (8) and the client: {@code typed}
 * (the default) or {@code lean} ({@link LeanOrderClient}: same signed requests, less client work). Run (from the
 * repository root):
 *
 * <pre>
 * ./mvnw -q -o -pl backpack-paper test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.bpx.paper.bench.PaperBenchmark
 * </pre>
 *
 * Figures go to stdout; the README keeps the last ones measured.
 */
public final class PaperBenchmark {
  private static final int STARTS = 21;
  private static final long HTTP_SECONDS = 5;
  private static final long WARMUP_MILLIS = 2000;
  private static int clientThreads = 8;
  /** {@code typed} (the default): the typed backpack-client; {@code lean}: {@link LeanOrderClient}. */
  private static boolean lean;
  /** Server CPU per order (us) of each measured round, for the summary. */
  private static final List<Double> memoryCpu = new ArrayList<>();
  private static final List<Double> journalCpu = new ArrayList<>();

  private PaperBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.out.printf("backpack-paper benchmark: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    // "http" runs only the two HTTP throughput measures (profiling, repeated runs)
    boolean httpOnly = args.length > 0 && args[0].equals("http");
    if (!httpOnly) {
      startAndFirstRequest();
      inProcessMatching();
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    clientThreads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    lean = args.length > 3 && args[3].equals("lean");
    httpThroughput(rounds);
  }

  /**
   * In memory and with the journal, alternated so that both see the same background load, several
   * rounds each; prints every round and the medians.
   */
  private static void httpThroughput(int rounds) throws Exception {
    List<Double> memory = new ArrayList<>();
    List<Double> journal = new ArrayList<>();
    // One discarded round: C2 takes seconds to compile the Ed25519 arithmetic on both sides, and
    // until it has, the first measure would be of the JIT rather than of the exchange.
    httpOrders(false, "warm-up round, discarded: ");
    memoryCpu.clear();
    for (int r = 0; r < rounds; r++) {
      memory.add(httpOrders(false, ""));
      journal.add(httpOrders(true, ""));
    }
    System.out.printf("%-58s %,10.0f orders/s (median of %d: %s)%n", "HTTP signed POST /order, in memory",
        median(memory), rounds, format(memory));
    System.out.printf("%-58s %,10.0f orders/s (median of %d: %s)%n", "HTTP signed POST /order, journal + fsync",
        median(journal), rounds, format(journal));
    System.out.printf("%-58s %,10.0f us (median of %d: %s)%n", "server CPU per order, in memory",
        median(memoryCpu), rounds, format(memoryCpu));
    System.out.printf("%-58s %,10.0f us (median of %d: %s)%n", "server CPU per order, journal + fsync",
        median(journalCpu), rounds, format(journalCpu));
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
  }

  private static String format(List<Double> xs) {
    return xs.stream().map(x -> String.format("%,.0f", x)).collect(java.util.stream.Collectors.joining(" "));
  }

  /** The first run is a cold JVM (what the MCP server and the standalone jar pay); then the median. */
  private static void startAndFirstRequest() {
    List<Double> starts = new ArrayList<>();
    List<Double> firstSigned = new ArrayList<>();
    List<Double> firstTicker = new ArrayList<>();
    List<Double> firstRaw = new ArrayList<>();
    java.net.http.HttpClient raw = java.net.http.HttpClient.newHttpClient();
    for (int i = 0; i < STARTS; i++) {
      long s0 = System.nanoTime();
      try (PaperExchange paper = PaperExchange.builder().start()) {
        starts.add(ms(System.nanoTime() - s0));
        long t0 = System.nanoTime();
        send(raw, paper.url() + "/api/v1/ticker?symbol=SOL_USDC");
        firstRaw.add(ms(System.nanoTime() - t0));
      }
    }
    for (int i = 0; i < STARTS; i++) {
      SigningKey key = SigningKey.generate();
      long t0 = System.nanoTime();
      try (PaperExchange paper = PaperExchange.builder().start()) {
        long t1 = System.nanoTime();
        try (BackpackClient client = BackpackClient.builder().baseUrl(paper.url()).signingKey(key).build()) {
          long t2 = System.nanoTime();
          client.capital().listCapitalBalances();
          long t3 = System.nanoTime();
          client.markets().getTicker("SOL_USDC");
          long t4 = System.nanoTime();
          firstSigned.add(ms(t3 - t2));
          firstTicker.add(ms(t4 - t3));
        }
      }
    }
    report("start() (bind, no walking)", starts);
    report("first GET /ticker, JDK HttpClient (server cost)", firstRaw);
    report("first request, typed client (signed GET /capital)", firstSigned);
    report("then GET /ticker, typed client (day of prehistory)", firstTicker);
  }

  private static void report(String what, List<Double> samples) {
    List<Double> warm = new ArrayList<>(samples.subList(1, samples.size()));
    Collections.sort(warm);
    System.out.printf("%-58s cold %7.2f ms   median of %d after %6.2f ms%n", what, samples.get(0), warm.size(),
        warm.get(warm.size() / 2));
  }

  /** One thread: pairs of crossing limit orders (a resting ask, a bid that takes it), fresh engine per round. */
  private static void inProcessMatching() {
    var ask = dev.bpx.paper.command.OrderRequest.parse(Json.parse(
        "{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"orderType\":\"Limit\",\"price\":\"100.00\",\"quantity\":\"1\"}"));
    var bid = dev.bpx.paper.command.OrderRequest.parse(Json.parse(
        "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"100.00\",\"quantity\":\"1\"}"));
    int pairs = 100_000;
    List<Double> rates = new ArrayList<>();
    for (int round = 0; round < 8; round++) {
      Engine e = new Engine(new EngineConfig(1, 1_772_366_400_000L, DefaultMarkets.assets(), DefaultMarkets.markets(),
          PaperExchange.Builder.defaultPortfolio(), 20));
      e.advanceTo(1_772_366_400_000L);
      e.setPrice("SOL_USDC", new BigDecimal("100.00"));
      Account seller = e.accounts().create("seller");
      Account buyer = e.accounts().create("buyer");
      e.ledger().mint(seller, "SOL", new BigDecimal("1000000000"));
      e.ledger().mint(buyer, "USDC", new BigDecimal("1000000000000"));
      long t0 = System.nanoTime();
      for (int i = 0; i < pairs; i++) {
        e.placeOrder(seller, ask);
        e.placeOrder(buyer, bid);
      }
      rates.add(2.0 * pairs / ((System.nanoTime() - t0) / 1e9));
    }
    Collections.sort(rates);
    System.out.printf("%-58s %,10.0f orders/s (median of %d rounds of %,d; half rest, half take)%n",
        "in-process matching, one thread", rates.get(rates.size() / 2), rates.size(), 2 * pairs);
  }

  /** Signed POST /api/v1/order over HTTP with the typed client, one account and client per thread. */
  private static double httpOrders(boolean journal, String label) throws Exception {
    Path dir = Files.createTempDirectory("paper-bench");
    PaperExchange.Builder b = PaperExchange.builder();
    if (journal) {
      b.stateFile(dir.resolve("bench.journal"));
    }
    int threads = clientThreads;
    try (PaperExchange paper = b.start()) {
      paper.setPrice("SOL_USDC", new BigDecimal("150.00"));
      // Bids that rest: well under the market, yet inside the price band (at least 0.5 x the last price).
      String bid = paper.inspect(e -> e.markets().get("SOL_USDC").lastPrice()).multiply(new BigDecimal("0.6"))
          .setScale(2, java.math.RoundingMode.DOWN).toPlainString();
      AtomicBoolean measuring = new AtomicBoolean();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong placed = new AtomicLong();
      AtomicLong failed = new AtomicLong();
      CountDownLatch done = new CountDownLatch(threads);
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SigningKey key = SigningKey.generate();
        long firstClientId = 1 + t * 100_000_000L;
        Thread w = new Thread(null, () -> {
          try {
            if (lean) {
              leanOrders(paper.url(), key, firstClientId, bid, stop, measuring, placed, failed);
            } else {
              typedOrders(paper.url(), key, bid, stop, measuring, placed, failed);
            }
          } finally {
            done.countDown();
          }
        }, CpuMeter.CLIENT_PREFIX + t);
        workers.add(w);
        w.start();
      }
      Thread.sleep(WARMUP_MILLIS); // warm-up: JIT (the Ed25519 code takes a while), connections
      CpuMeter cpu = new CpuMeter();
      cpu.start();
      measuring.set(true);
      long t0 = System.nanoTime();
      Thread.sleep(HTTP_SECONDS * 1000);
      long n = placed.get();
      CpuMeter.Split used = cpu.stop();
      double seconds = (System.nanoTime() - t0) / 1e9;
      stop.set(true);
      done.await();
      System.out.printf("%-58s %,10.0f orders/s (%d client threads, %d refused)%n",
          label + "HTTP signed POST /order, " + (lean ? "lean" : "typed") + " client, " + (journal ? "journal + fsync" : "in memory"),
          n / seconds, threads, failed.get());
      System.out.printf("%-58s %s%n", "", used.perOrder(n));
      (journal ? journalCpu : memoryCpu).add(used.server() / 1e3 / n);
      return n / seconds;
    }
  }

  /** The typed client: a new request each time, so every order gets its own clientId. */
  private static void typedOrders(String url, SigningKey key, String bid, AtomicBoolean stop, AtomicBoolean measuring,
                                  AtomicLong placed, AtomicLong failed) {
    try (BackpackClient client = BackpackClient.builder().baseUrl(url).signingKey(key).build()) {
      BigDecimal quantity = new BigDecimal("0.01");
      BigDecimal price = new BigDecimal(bid);
      while (!stop.get()) {
        try {
          client.orders().place(OrderRequest.limit("SOL_USDC", Side.BID, quantity, price).build());
          if (measuring.get()) {
            placed.incrementAndGet();
          }
        } catch (RuntimeException e) {
          if (failed.incrementAndGet() == 1) {
            System.out.println("first refusal: " + e);
          }
        }
      }
    }
  }

  /** {@link LeanOrderClient}: each answer must be the order, resting ("New"). */
  private static void leanOrders(String url, SigningKey key, long firstClientId, String bid, AtomicBoolean stop,
                                 AtomicBoolean measuring, AtomicLong placed, AtomicLong failed) {
    int port = java.net.URI.create(url).getPort();
    try (LeanOrderClient client = new LeanOrderClient(port, key, firstClientId)) {
      while (!stop.get()) {
        try {
          String answer = client.placeLimit("SOL_USDC", "Bid", "0.01", bid);
          if (!answer.contains("\"status\":\"New\"")) {
            throw new IllegalStateException("not a resting order: " + answer);
          }
          if (measuring.get()) {
            placed.incrementAndGet();
          }
        } catch (RuntimeException e) {
          if (failed.incrementAndGet() == 1) {
            System.out.println("first refusal: " + e);
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void send(java.net.http.HttpClient http, String url) {
    try {
      http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
