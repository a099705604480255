package dev.bpx.examples;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.WireEnum;
import dev.bpx.paper.PaperExchange;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What every example needs: a client, and a way to print tables.
 *
 * <p>Without {@code BACKPACK_PRIVATE_KEY} (environment or {@code ./.env}) the examples start an
 * embedded paper exchange and trade there with a fresh key: nothing real happens. With a key they
 * use the configured exchange, and then place or cancel NOTHING unless run with
 * {@code --place-orders}: they only read, and say what they would have done.
 *
 * <p>Not thread-safe.
 */
public final class ExampleSession implements AutoCloseable {
  /** The flag that lets the examples place and cancel orders on a real exchange. */
  public static final String PLACE_ORDERS = "--place-orders";
  /**
   * Without keys, the paper exchange follows this upstream's real market data (its public API, e.g.
   * {@code https://api.backpack.exchange}) instead of simulated prices; the same setting as the MCP server's.
   */
  public static final String UPSTREAM_URL = "BACKPACK_PAPER_UPSTREAM_URL";
  /** The upstream's WebSocket streams, e.g. {@code wss://ws.backpack.exchange}; unset: REST polling only. */
  public static final String UPSTREAM_WS_URL = "BACKPACK_PAPER_UPSTREAM_WS_URL";

  private final BackpackClient client;
  private final PaperExchange paper;
  private final boolean placeOrders;
  private final PrintStream out;

  private ExampleSession(BackpackClient client, PaperExchange paper, boolean placeOrders, PrintStream out) {
    this.client = client;
    this.paper = paper;
    this.placeOrders = placeOrders;
    this.out = out;
  }

  /** Runs one example in a session opened from the process environment, closing it afterwards. */
  public static void run(String[] args, Consumer<ExampleSession> example) {
    try (ExampleSession session = open(args)) {
      example.accept(session);
    }
  }

  /** Opens a session from the process environment and {@code ./.env}, printing to stdout. */
  public static ExampleSession open(String[] args) {
    return open(args, System.getenv(), Path.of(".env"), System.out);
  }

  static ExampleSession open(String[] args, Map<String, String> env, Path dotEnv, PrintStream out) {
    boolean flag = Arrays.asList(args).contains(PLACE_ORDERS);
    BackpackClient configured = BackpackClient.fromEnvironment(env, dotEnv);
    if (configured.hasCredentials()) {
      String key = configured.publicKeyBase64().map(k -> k.substring(0, 4) + "…" + k.substring(k.length() - 4)).orElse("?");
      out.println("Exchange: " + configured.baseUrl() + " (API key " + key + ", from BACKPACK_PRIVATE_KEY)");
      out.println(flag ? "Orders: " + PLACE_ORDERS + " given, so these examples WILL place and cancel real orders."
          : "Orders: placing NOTHING (read-only run). Add " + PLACE_ORDERS + " to let the examples place and cancel orders.");
      return new ExampleSession(configured, null, flag, out);
    }
    configured.close();
    PaperExchange.Builder builder = PaperExchange.builder();
    String upstream = env.get(UPSTREAM_URL);
    if (upstream != null && !upstream.isBlank()) {
      // Real prices: the paper exchange reads the upstream's public market data (no key is ever sent there).
      String ws = env.get(UPSTREAM_WS_URL);
      builder.upstream(URI.create(upstream.strip()), ws == null || ws.isBlank() ? null : URI.create(ws.strip()));
    }
    PaperExchange paper = builder.start();
    SigningKey key = SigningKey.generate();
    BackpackClient client = BackpackClient.builder().baseUrl(paper.url()).signingKey(key).build();
    out.println("Exchange: embedded paper exchange at " + paper.url() + " on " + paper.marketData()
        + " (no BACKPACK_PRIVATE_KEY set; nothing real happens)");
    return new ExampleSession(client, paper, true, out);
  }

  public BackpackClient client() {
    return client;
  }

  public PrintStream out() {
    return out;
  }

  /** {@return whether this is the embedded paper exchange} */
  public boolean isPaper() {
    return paper != null;
  }

  /** {@return whether orders may be placed or cancelled; when not, says what was skipped} */
  public boolean mayPlaceOrders(String what) {
    if (!placeOrders) {
      out.println("Skipped (read-only run): " + what + ". Run with " + PLACE_ORDERS + " to do it.");
    }
    return placeOrders;
  }

  /**
   * Sets up an account the example would find empty, on the paper exchange only (a real account is
   * shown as it is): a read-only example needs something to show on a fresh paper account.
   */
  public void setUpNewPaperAccount(BooleanSupplier isEmpty, String setUp, Runnable action) {
    if (isPaper() && isEmpty.getAsBoolean()) {
      out.println("A new paper account has " + setUp + " first.");
      action.run();
    }
  }

  /** Prints a title and a table with aligned columns; numbers in plain notation. */
  public void table(String title, List<String> headers, List<List<Object>> rows) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(headers);
    rows.forEach(row -> cells.add(row.stream().map(ExampleSession::cell).toList()));
    int[] widths = new int[headers.size()];
    cells.forEach(row -> { for (int i = 0; i < row.size(); i++) widths[i] = Math.max(widths[i], row.get(i).length()); });
    out.println();
    out.println(title);
    for (int r = 0; r < cells.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        line.append("  ").append(String.format("%-" + widths[i] + "s", cells.get(r).get(i)));
      }
      out.println(line.toString().stripTrailing());
      if (r == 0) {
        out.println("  " + "-".repeat(Arrays.stream(widths).sum() + 2 * (widths.length - 1)));
      }
    }
    if (rows.isEmpty()) {
      out.println("  (none)");
    }
  }

  /** Prints orders as a table. */
  public void orders(String title, List<Order> orders) {
    table(title, List.of("id", "clientId", "symbol", "side", "type", "quantity", "price", "filled", "status"),
        orders.stream().map(o -> List.<Object>of(cell(o.id()), cell(o.clientId()), cell(o.symbol()), cell(o.side()),
            cell(o.orderType()), cell(o.quantity() != null && o.quantity().signum() > 0 ? o.quantity() : o.quoteQuantity()),
            cell(o.price()), cell(o.executedQuantity()), cell(o.status()))).toList());
  }

  static String cell(Object value) {
    if (value == null) {
      return "-";
    }
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    if (value instanceof WireEnum e) {
      try {
        return e.wireValue();
      } catch (IllegalStateException unknown) {
        return "unknown";
      }
    }
    return value.toString();
  }

  @Override
  public void close() {
    client.close();
    if (paper != null) {
      paper.close();
    }
  }
}
