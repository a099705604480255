package dev.bpx.paper.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.RequestSigner;
import dev.bpx.auth.SignedHeaders;
import dev.bpx.auth.SigningKey;
import dev.bpx.auth.json.Json;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The protocol as a client sees it, over OkHttp's WebSocket client. */
class WsFrontTest {
  private static final String TRADE = "{\"e\":\"trade\",\"E\":1694687692980000,\"s\":\"SOL_USDC\",\"p\":\"18.68\",\"q\":\"0.122\"}";
  private final Clock clock = Clock.systemUTC();
  private final WsFront front = WsFront.builder(clock).symbols(Set.of("SOL_USDC", "BTC_USDC_PERP")).start();

  @AfterEach
  void stop() {
    front.close();
  }

  @Test
  void aSubscriberReceivesDataFramesInTheSpecsEnvelope() throws Exception {
    try (OkHttpWs ws = new OkHttpWs(front.url())) {
      ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"trade.SOL_USDC\"],\"id\":1}");
      assertThat(ws.next()).isEqualTo(Json.parse("{\"id\":1,\"result\":null}"));

      front.publish("trade.SOL_USDC", TRADE);
      front.publish("trade.BTC_USDC_PERP", TRADE);
      front.publish("trade.SOL_USDC", TRADE.replace("18.68", "18.69"));

      assertThat(ws.next()).isEqualTo(Json.parse("{\"stream\":\"trade.SOL_USDC\",\"data\":" + TRADE + "}"));
      assertThat(ws.next()).extracting(f -> ((Map<?, ?>) f.get("data")).get("p")).isEqualTo("18.69");
    }
  }

  @Test
  void unsubscribeStopsOnlyThatStream() throws Exception {
    try (OkHttpWs ws = new OkHttpWs(front.url())) {
      ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"trade.SOL_USDC\",\"depth.SOL_USDC\"],\"id\":\"a\"}");
      assertThat(ws.next()).isEqualTo(Json.parse("{\"id\":\"a\",\"result\":null}"));
      ws.send("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"trade.SOL_USDC\"],\"id\":2}");
      assertThat(ws.next()).isEqualTo(Json.parse("{\"id\":2,\"result\":null}"));

      front.publish("trade.SOL_USDC", TRADE);
      front.publish("depth.SOL_USDC", "{\"e\":\"depth\"}");

      // Frames of one connection leave in publish order: had the trade been sent, it would come first.
      assertThat(ws.next().get("stream")).isEqualTo("depth.SOL_USDC");
    }
  }

  @Test
  void unknownStreamsGetErrorFramesAndTheFramesOtherStreamsStillWork() throws Exception {
    try (OkHttpWs ws = new OkHttpWs(front.url())) {
      ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"trade.SOL_USDC\",\"trades.SOL_USDC\",\"depth.DOGE_USDC\",\"kline.7m.SOL_USDC\"],\"id\":7}");

      for (String bad : List.of("trades.SOL_USDC", "depth.DOGE_USDC", "kline.7m.SOL_USDC")) {
        assertThat(ws.next()).isEqualTo(Json.parse(
            "{\"id\":7,\"error\":{\"code\":4001,\"message\":\"Invalid stream: " + bad + "\"}}"));
      }
      front.publish("trade.SOL_USDC", TRADE);
      assertThat(ws.next().get("stream")).isEqualTo("trade.SOL_USDC");
    }
  }

  @Test
  void everyChannelOfTheSpecIsAccepted() throws Exception {
    try (OkHttpWs ws = new OkHttpWs(front.url())) {
      ws.send("{\"method\":\"SUBSCRIBE\",\"id\":1,\"params\":[\"bookTicker.SOL_USDC\",\"depth.SOL_USDC\","
          + "\"depth.200ms.SOL_USDC\",\"depth.600ms.SOL_USDC\",\"depth.1000ms.SOL_USDC\",\"kline.1month.SOL_USDC\","
          + "\"kline.1s.SOL_USDC\",\"liquidation\",\"markPrice.BTC_USDC_PERP\",\"openInterest.BTC_USDC_PERP\","
          + "\"ticker.SOL_USDC\",\"trade.SOL_USDC\"]}");

      assertThat(ws.next()).isEqualTo(Json.parse("{\"id\":1,\"result\":null}"));
    }
  }

  @Test
  void frameThatIsNotAControlFrameGetsAnErrorAndTheConnectionStaysUsable() throws Exception {
    try (OkHttpWs ws = new OkHttpWs(front.url())) {
      ws.send("not json");
      assertThat(ws.next()).isEqualTo(Json.parse("{\"id\":null,\"error\":{\"code\":4000,\"message\":\"Invalid JSON\"}}"));
      ws.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":3}");
      assertThat(ws.next()).isEqualTo(Json.parse(
          "{\"id\":3,\"error\":{\"code\":4000,\"message\":\"Invalid method: expected SUBSCRIBE or UNSUBSCRIBE\"}}"));

      ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"trade.SOL_USDC\"],\"id\":4}");
      assertThat(ws.next()).isEqualTo(Json.parse("{\"id\":4,\"result\":null}"));
    }
  }

  @Test
  void aSignedPrivateSubscriptionGetsItsAccountsEventsOnly() throws Exception {
    SigningKey mine = SigningKey.generate();
    String other = SigningKey.generate().publicKeyBase64();
    try (OkHttpWs ws = new OkHttpWs(front.url())) {
      ws.send(signedSubscribe(mine, clock.millis(), 5000, "account.orderUpdate", "account.positionUpdate.SOL_USDC"));
      assertThat(ws.next()).isEqualTo(Json.parse("{\"id\":9,\"result\":null}"));

      front.publishPrivate(other, "account.orderUpdate.SOL_USDC", "{\"e\":\"orderAccepted\",\"i\":\"other\"}");
      front.publishPrivate(mine.publicKeyBase64(), "account.positionUpdate.BTC_USDC_PERP", "{\"e\":\"positionOpened\"}");
      front.publishPrivate(mine.publicKeyBase64(), "account.orderUpdate.SOL_USDC", "{\"e\":\"orderAccepted\",\"i\":\"mine\"}");
      front.publishPrivate(mine.publicKeyBase64(), "account.positionUpdate.SOL_USDC", "{\"e\":\"positionOpened\"}");

      // The all-symbols subscriber sees the event under the name it subscribed to.
      assertThat(ws.next()).isEqualTo(Json.parse(
          "{\"stream\":\"account.orderUpdate\",\"data\":{\"e\":\"orderAccepted\",\"i\":\"mine\"}}"));
      assertThat(ws.next()).isEqualTo(Json.parse(
          "{\"stream\":\"account.positionUpdate.SOL_USDC\",\"data\":{\"e\":\"positionOpened\"}}"));
    }
  }

  @Test
  void aBadSignatureGetsAnErrorWhileThePublicStreamsOfTheSameFrameWork() throws Exception {
    SigningKey mine = SigningKey.generate();
    SignedHeaders othersSignature = new RequestSigner(SigningKey.generate()).sign("subscribe", Map.of(), clock.millis(), 5000);
    try (OkHttpWs ws = new OkHttpWs(front.url())) {
      ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"account.orderUpdate\",\"trade.SOL_USDC\"],\"id\":5,\"signature\":[\""
          + mine.publicKeyBase64() + "\",\"" + othersSignature.signature() + "\",\"" + clock.millis() + "\",\"5000\"]}");
      assertThat(ws.next()).isEqualTo(Json.parse(
          "{\"id\":5,\"error\":{\"code\":4002,\"message\":\"Invalid signature (account.orderUpdate)\"}}"));

      ws.send(signedSubscribe(mine, clock.millis() - 10_000, 5000, "account.orderUpdate"));
      assertThat(ws.next()).isEqualTo(Json.parse(
          "{\"id\":9,\"error\":{\"code\":4002,\"message\":\"Request has expired (account.orderUpdate)\"}}"));
      ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"account.rfqUpdate\"]}");
      assertThat(ws.next()).isEqualTo(Json.parse(
          "{\"id\":null,\"error\":{\"code\":4002,\"message\":\"Missing signature for private stream account.rfqUpdate\"}}"));

      front.publishPrivate(mine.publicKeyBase64(), "account.orderUpdate.SOL_USDC", "{\"e\":\"orderAccepted\"}");
      front.publish("trade.SOL_USDC", TRADE);
      assertThat(ws.next().get("stream")).isEqualTo("trade.SOL_USDC");
    }
  }

  @Test
  void timestampAndWindowMayBeJsonNumbers() throws Exception {
    SigningKey key = SigningKey.generate();
    long now = clock.millis();
    SignedHeaders h = new RequestSigner(key).sign("subscribe", Map.of(), now, 5000);
    try (OkHttpWs ws = new OkHttpWs(front.url())) {
      ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"account.orderUpdate\"],\"id\":1,\"signature\":[\""
          + h.apiKey() + "\",\"" + h.signature() + "\"," + now + ",5000]}");
      assertThat(ws.next()).isEqualTo(Json.parse("{\"id\":1,\"result\":null}"));
    }
  }

  @Test
  void publishingToNobodyIsANoOp() {
    front.publish("trade.SOL_USDC", TRADE);
    front.publishPrivate(SigningKey.generate().publicKeyBase64(), "account.orderUpdate.SOL_USDC", "{}");
    assertThat(front.port()).isPositive();
  }

  static String signedSubscribe(SigningKey key, long timestamp, long window, String... streams) {
    SignedHeaders h = new RequestSigner(key).sign("subscribe", Map.of(), timestamp, window);
    return Json.write(Map.of(
        "method", "SUBSCRIBE",
        "params", List.of(streams),
        "id", new BigDecimal(9),
        "signature", List.of(h.apiKey(), h.signature(), "" + h.timestampMillis(), "" + h.windowMillis())));
  }
}
