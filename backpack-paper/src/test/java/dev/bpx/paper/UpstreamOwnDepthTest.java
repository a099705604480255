package dev.bpx.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.auth.json.Json;
import dev.bpx.paper.upstream.UpstreamSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Upstream mode: a client that keeps a book from REST {@code /depth} and the {@code depth} stream by the AsyncAPI's
 * U/u rule sees the user's own resting order, and its cancel, at once, at a price the upstream does not touch (the
 * upstream, a simulated paper exchange with a standing clock, sends nothing meanwhile); then the upstream's next
 * delta still applies on that book, and the book equals REST's at the end.
 */
class UpstreamOwnDepthTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }


  /** A book kept by the AsyncAPI rule: apply when U <= id + 1 <= u, skip when u <= id, a gap otherwise. */
  private static final class KeptBook {
    final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>();
    long id;
    int applied;

    KeptBook(Map<String, Object> rest) {
      load(asks, rest.get("asks"));
      load(bids, rest.get("bids"));
      id = Long.parseLong((String) rest.get("lastUpdateId"));
    }

    private static void load(TreeMap<BigDecimal, BigDecimal> side, Object rows) {
      for (Object row : (List<?>) rows) {
        List<?> l = (List<?>) row;
        BigDecimal q = new BigDecimal((String) l.get(1));
        if (q.signum() == 0) {
          side.remove(new BigDecimal((String) l.get(0)));
        } else {
          side.put(new BigDecimal((String) l.get(0)), q);
        }
      }
    }

    void apply(Map<String, Object> data) {
      long first = ((BigDecimal) data.get("U")).longValueExact();
      long last = ((BigDecimal) data.get("u")).longValueExact();
      if (last <= id) {
        return;
      }
      assertThat(first).as("a gap: frame %s..%s after %s", first, last, id).isLessThanOrEqualTo(id + 1);
      load(asks, data.get("a"));
      load(bids, data.get("b"));
      id = last;
      applied++;
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aClientKeepingABookFromRestAndTheStreamSeesItsOwnRestingOrderAtOnce() throws Exception {
    PaperExchange up = PaperExchange.builder().clock(PaperClock.fixed(T0)).controlApi(true).webSocketPort(0).start();
    open.add(up);
    PaperExchange down = PaperExchange.builder().webSocketPort(0).upstream(UpstreamSettings.of(URI.create(up.url()),
            URI.create(up.wsUrl())).withPollInterval(Duration.ofMillis(200)).withPingInterval(Duration.ofMillis(500)))
        .pumpInterval(Duration.ofMillis(100)).start();
    open.add(down);
    PaperHttp reader = new PaperHttp(down.url(), SigningKey.generate(), down.clock());
    PaperHttp upReader = new PaperHttp(up.url(), SigningKey.generate(), up.clock());
    Object upId = upReader.get("/api/v1/depth?symbol=SOL_USDC").object().get("lastUpdateId");
    Await.until("the mirror holds the upstream's book", 5000, () -> reader.get("/api/v1/depth?symbol=SOL_USDC").status() == 200);

    List<Map<String, Object>> frames = new CopyOnWriteArrayList<>();
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(down.wsUrl()), new WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              frames.add((Map<String, Object>) Json.parse(text.toString()));
              text.setLength(0);
            }
            ws.request(1);
            return null;
          }
        }).get(5, TimeUnit.SECONDS);
    open.add(socket::abort);
    socket.sendText("{\"method\":\"SUBSCRIBE\",\"params\":[\"depth.SOL_USDC\",\"bookTicker.SOL_USDC\"],\"id\":1}", true)
        .get(5, TimeUnit.SECONDS);
    Await.until("subscribed", 5000, () -> frames.stream().anyMatch(f -> Integer.valueOf(1).equals(
        f.get("id") instanceof BigDecimal d ? d.intValue() : null)));
    // A first upstream delta gives the merged stream an upstream id to number after (any frame at all would).
    sell(up, "1");
    Await.until("an upstream delta", 5000, () -> depthFrames(frames).size() > 0);
    KeptBook book = new KeptBook(reader.get("/api/v1/depth?symbol=SOL_USDC").object());
    assertThat(upId).isNotNull();
    int seen = depthFrames(frames).size();

    // A bid far below the upstream's book: a level the upstream never reports.
    PaperHttp trader = new PaperHttp(down.url(), SigningKey.generate(), Clock.systemUTC());
    Map<String, Object> placed = trader.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\","
        + "\"orderType\":\"Limit\",\"price\":\"150.00\",\"quantity\":\"2\"}").object();
    assertThat(placed.get("status")).isEqualTo("New");
    Await.until("the own level streamed", 5000, () -> depthFrames(frames).size() > seen);
    depthFrames(frames).subList(seen, depthFrames(frames).size()).forEach(book::apply);
    assertThat(book.bids.get(new BigDecimal("150.00"))).isEqualByComparingTo("2");
    long ownId = book.id;
    Await.until("the book ticker of the same id", 5000, () -> frames.stream().anyMatch(f -> "bookTicker.SOL_USDC".equals(
        f.get("stream")) && Long.toString(ownId).equals(((Map<?, ?>) f.get("data")).get("u"))));

    int beforeCancel = depthFrames(frames).size();
    trader.delete("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"orderId\":\"" + placed.get("id") + "\"}");
    Await.until("the cancel streamed", 5000, () -> depthFrames(frames).size() > beforeCancel);
    depthFrames(frames).subList(beforeCancel, depthFrames(frames).size()).forEach(book::apply);
    assertThat(book.bids).doesNotContainKey(new BigDecimal("150.00"));

    // The upstream's next delta applies on top of our frames (no gap), and the book ends equal to REST's.
    int beforeSale = depthFrames(frames).size();
    sell(up, "3");
    Await.until("the upstream's delta", 5000, () -> depthFrames(frames).size() > beforeSale);
    depthFrames(frames).subList(beforeSale, depthFrames(frames).size()).forEach(book::apply);
    KeptBook rest = new KeptBook(reader.get("/api/v1/depth?symbol=SOL_USDC").object());
    assertThat(book.id).isEqualTo(rest.id);
    assertThat(book.bids).isEqualTo(rest.bids);
    assertThat(book.asks).isEqualTo(rest.asks);
    assertThat(book.applied).isGreaterThanOrEqualTo(3);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> depthFrames(List<Map<String, Object>> frames) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> f : frames) {
      if ("depth.SOL_USDC".equals(f.get("stream"))) {
        out.add((Map<String, Object>) f.get("data"));
      }
    }
    return out;
  }

  private static void sell(PaperExchange up, String quantity) {
    PaperHttp seller = new PaperHttp(up.url(), SigningKey.generate(), up.clock());
    assertThat(seller.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Ask\",\"orderType\":\"Market\","
        + "\"quantity\":\"" + quantity + "\"}").object().get("status")).isEqualTo("Filled");
  }
}
