package dev.bpx.paper;

import dev.bpx.auth.SigningKey;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar backpack-paper.jar [--port N] [--ws-port N] [--state FILE] [--seed N] [--control]
 * [--upstream URL [--upstream-ws URL]]}.
 * Prints the URL and a key pair to stderr (a fresh one unless {@code BACKPACK_PRIVATE_KEY} is
 * set) and serves until killed.
 */
public final class PaperMain {
  private static final String USAGE = String.join("\n",
      "usage: backpack-paper [--port N] [--ws-port N] [--state FILE] [--seed N] [--control] [--no-fsync]",
      "                      [--upstream URL [--upstream-ws URL]]",
      "  --port N      REST on 127.0.0.1:N (0 or absent: a free port)",
      "  --ws-port N   also serve Backpack's WebSocket streams at ws://127.0.0.1:N/ (0: a free port;",
      "                absent: no WebSocket server); printed as BACKPACK_WS_URL",
      "  --state FILE  journal file: the exchange survives restarts (absent: in memory)",
      "  --seed N      seed of the price walk (default 1)",
      "  --control     serve the /_paper/... control endpoints",
      "  --no-fsync    do not fsync the journal (faster, loses the last writes on a crash)",
      "  --upstream URL     trade on the real market of this Backpack-compatible exchange's public REST API",
      "                     (e.g. https://api.backpack.exchange): its markets, books, trades and prices;",
      "                     accounts and orders stay local; nothing signed is ever sent there",
      "  --upstream-ws URL  its public streams (e.g. wss://ws.backpack.exchange); absent: REST polling");

  private PaperMain() {}

  public static void main(String[] args) throws InterruptedException {
    // slf4j-simple (shaded into the standalone jar only) reads these once, at its first use: stdout
    // stays clean, logs go to stderr beside the URL and keys.
    System.setProperty("org.slf4j.simpleLogger.logFile",
        System.getProperty("org.slf4j.simpleLogger.logFile", "System.err"));
    PaperExchange.Builder b = PaperExchange.builder();
    boolean wsEnabled = false;
    String upstream = null;
    String upstreamWs = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> b.port(Integer.parseInt(args[++i]));
        case "--ws-port" -> {
          b.webSocketPort(Integer.parseInt(args[++i]));
          wsEnabled = true;
        }
        case "--state" -> b.stateFile(Path.of(args[++i]));
        case "--seed" -> b.seed(Long.parseLong(args[++i]));
        case "--control" -> b.controlApi(true);
        case "--no-fsync" -> b.fsync(false);
        case "--upstream" -> upstream = args[++i];
        case "--upstream-ws" -> upstreamWs = args[++i];
        case "--help", "-h" -> {
          System.err.println(USAGE);
          System.exit(0);
        }
        default -> {
          System.err.println(USAGE);
          System.exit(2);
        }
      }
    }
    if (upstreamWs != null && upstream == null) {
      System.err.println("--upstream-ws needs --upstream\n" + USAGE);
      System.exit(2);
    }
    if (upstream != null) {
      b.upstream(java.net.URI.create(upstream), upstreamWs == null ? null : java.net.URI.create(upstreamWs));
    }
    PaperExchange paper = b.start();
    String given = System.getenv("BACKPACK_PRIVATE_KEY");
    SigningKey key = given != null && !given.isBlank() ? SigningKey.fromBase64(given.strip()) : SigningKey.generate();
    System.err.println("Backpack paper exchange listening on " + paper.url() + " (" + paper.marketData() + ")");
    System.err.println("BACKPACK_BASE_URL=" + paper.url());
    if (wsEnabled) {
      System.err.println("BACKPACK_WS_URL=" + paper.wsUrl());
    }
    System.err.println("BACKPACK_PUBLIC_KEY=" + key.publicKeyBase64());
    if (given == null || given.isBlank()) {
      System.err.println("BACKPACK_PRIVATE_KEY=" + key.exportPrivateKeyBase64());
    }
    System.err.flush();
    CountDownLatch forever = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(paper::close));
    forever.await();
  }
}
