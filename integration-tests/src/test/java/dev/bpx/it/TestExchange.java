package dev.bpx.it;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.model.Balance;
import dev.bpx.client.model.Fill;
import dev.bpx.client.model.HistoricalOrder;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.Position;
import dev.bpx.client.request.FillHistoryQuery;
import dev.bpx.client.request.OrderHistoryQuery;
import dev.bpx.paper.PaperExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A fresh paper exchange for one test class, with one account (a generated key), the typed client
 * signed with that key (to read the exchange's own records), and a recording proxy in front of it.
 *
 * <p>Not thread-safe.
 */
final class TestExchange implements AutoCloseable {
  final PaperExchange paper;
  final SigningKey key = SigningKey.generate();
  final BackpackClient client;
  final RecordingProxy proxy;

  TestExchange() {
    paper = PaperExchange.builder().controlApi(true).seed(11).start();
    try {
      proxy = new RecordingProxy(paper.url());
    } catch (IOException e) {
      paper.close();
      throw new UncheckedIOException(e);
    }
    client = BackpackClient.builder().baseUrl(paper.url()).signingKey(key).build();
    // Known starting prices; the walk moves them by a few ticks a second from here.
    setPrice("SOL_USDC", "150");
    setPrice("SOL_USDC_PERP", "150");
    setPrice("BTC_USDC", "60000");
    setPrice("BTC_USDC_PERP", "60000");
    setPrice("ETH_USDC", "3000");
    setPrice("ETH_USDC_PERP", "3000");
  }

  String apiKey() {
    return key.publicKeyBase64();
  }

  String privateKey() {
    return key.exportPrivateKeyBase64();
  }

  void setPrice(String symbol, String price) {
    paper.setPrice(symbol, new BigDecimal(price));
  }

  /** Closes positions, cancels orders and restores the starting portfolio. */
  void reset() {
    paper.reset(apiKey());
  }

  /** {@return the environment that makes the server trade "live" on this exchange, through the proxy} */
  Map<String, String> liveEnvironment() {
    return Map.of("BACKPACK_PRIVATE_KEY", privateKey(), "BACKPACK_PUBLIC_KEY", apiKey(), "BACKPACK_BASE_URL", proxy.url());
  }

  List<Order> openOrders() {
    return client.orders().listOpenOrders();
  }

  List<HistoricalOrder> orderHistory() {
    return client.history().listOrders(OrderHistoryQuery.builder().limit(1000).build());
  }

  List<Fill> fills(String orderId) {
    return client.history().listFills(FillHistoryQuery.builder().orderId(orderId).limit(1000).build());
  }

  Optional<Position> position(String symbol) {
    return client.account().getPosition(symbol).filter(p -> p.netQuantity() != null && p.netQuantity().signum() != 0);
  }

  Map<String, Balance> balances() {
    return client.capital().listBalances().stream()
        .collect(Collectors.toMap(Balance::asset, b -> b, (a, b) -> a, TreeMap::new));
  }

  /** Everything an order could change, as the exchange records it. */
  record Snapshot(List<String> openOrderIds, List<String> historyIds, Map<String, String> balances,
                  List<String> positions) {}

  Snapshot snapshot() {
    return new Snapshot(
        openOrders().stream().map(Order::id).sorted().toList(),
        orderHistory().stream().map(HistoricalOrder::id).sorted().toList(),
        balances().values().stream().collect(Collectors.toMap(Balance::asset,
            // lent is left out: interest is added to it at every hour boundary, whatever the test does.
            b -> b.available() + "/" + b.locked() + "/" + b.staked(), (a, b) -> a, TreeMap::new)),
        client.account().listPositions().stream().map(p -> p.symbol() + " " + p.netQuantity()).sorted().toList());
  }

  @Override
  public void close() {
    client.close();
    proxy.close();
    paper.close();
  }
}
