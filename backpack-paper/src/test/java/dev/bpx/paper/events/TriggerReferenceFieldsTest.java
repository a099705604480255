package dev.bpx.paper.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import dev.bpx.paper.RecordedStreams;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The order stream names the reference price of every trigger, as the spec's conditional fields say: {@code B}
 * "only present if the order is a trigger order", {@code d}/{@code g} "only present if the order has a take
 * profit / stop loss trigger price set" — also when the request left {@code triggerBy} out, and with the same
 * value REST {@code GET /api/v1/order} shows for that order.
 */
class TriggerReferenceFieldsTest {
  private static final Instant T0 = Instant.parse("2026-01-05T12:00:30Z");

  @Test
  void takeProfitAndStopLossReferencesAreOnTheStreamAsOnRest() throws Exception {
    RecordedStreams rec = new RecordedStreams();
    PaperClock clock = PaperClock.fixed(T0);
    try (PaperExchange paper = rec.attach(PaperExchange.builder().clock(clock)).start()) {
      PaperHttp http = new PaperHttp(paper.url(), SigningKey.generate(), clock);
      for (String symbol : List.of("SOL_USDC_PERP", "SOL_USDC")) {
        BigDecimal last = lastPrice(paper, symbol);
        String id = place(http, "{\"symbol\":\"" + symbol + "\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"quantity\":\"1\","
            + "\"price\":\"" + times(last, "0.9") + "\",\"takeProfitTriggerPrice\":\"" + times(last, "1.2")
            + "\",\"stopLossTriggerPrice\":\"" + times(last, "0.8") + "\"}");
        Map<String, Object> rest = http.get("/api/v1/order?symbol=" + symbol + "&orderId=" + id).object();
        String expected = symbol.endsWith("_PERP") ? "MarkPrice" : "LastPrice";
        assertThat(rest).containsEntry("takeProfitTriggerBy", expected).containsEntry("stopLossTriggerBy", expected);

        Map<String, Object> accepted = accepted(rec, id);
        assertThat(accepted).as(symbol).containsEntry("d", expected).containsEntry("g", expected)
            .containsKeys("a", "b").doesNotContainKey("B");
      }
    }
  }

  @Test
  void aTriggerOrderNamesItsReferenceWhetherOrNotTheRequestGaveIt() throws Exception {
    RecordedStreams rec = new RecordedStreams();
    PaperClock clock = PaperClock.fixed(T0);
    try (PaperExchange paper = rec.attach(PaperExchange.builder().clock(clock)).start()) {
      PaperHttp http = new PaperHttp(paper.url(), SigningKey.generate(), clock);
      BigDecimal last = lastPrice(paper, "SOL_USDC_PERP");
      String trigger = "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Market\",\"triggerQuantity\":\"1\","
          + "\"triggerPrice\":\"" + times(last, "1.3") + "\"";
      String unset = place(http, trigger + "}");
      String given = place(http, trigger + ",\"triggerBy\":\"LastPrice\"}");

      assertThat(http.get("/api/v1/order?symbol=SOL_USDC_PERP&orderId=" + unset).object())
          .containsEntry("triggerBy", "MarkPrice");
      assertThat(http.get("/api/v1/order?symbol=SOL_USDC_PERP&orderId=" + given).object())
          .containsEntry("triggerBy", "LastPrice");
      assertThat(accepted(rec, unset)).containsEntry("B", "MarkPrice").doesNotContainKeys("d", "g");
      assertThat(accepted(rec, given)).containsEntry("B", "LastPrice");

      // An order without triggers carries none of the three, on REST (null) and on the stream (absent).
      String plain = place(http, "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Limit\","
          + "\"quantity\":\"1\",\"price\":\"" + times(last, "0.9") + "\"}");
      Map<String, Object> rest = http.get("/api/v1/order?symbol=SOL_USDC_PERP&orderId=" + plain).object();
      assertThat(rest.get("triggerBy")).isNull();
      assertThat(rest.get("takeProfitTriggerBy")).isNull();
      assertThat(accepted(rec, plain)).doesNotContainKeys("B", "d", "g");
    }
  }

  /** The first event of the order on {@code account.orderUpdate.<symbol>}: {@code orderAccepted} or {@code triggerPlaced}. */
  private static Map<String, Object> accepted(RecordedStreams rec, String orderId) throws InterruptedException {
    return rec.awaitFrame(f -> f.stream().startsWith("account.orderUpdate.") && orderId.equals(f.data().get("i")),
            Duration.ofSeconds(10)).stream()
        .filter(f -> f.stream().startsWith("account.orderUpdate.") && orderId.equals(f.data().get("i")))
        .findFirst().orElseThrow().data();
  }

  private static String place(PaperHttp http, String body) {
    PaperHttp.Reply r = http.post("/api/v1/order", body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return (String) r.object().get("id");
  }

  private static BigDecimal lastPrice(PaperExchange paper, String symbol) {
    return paper.inspect(e -> e.markets().get(symbol).lastPrice());
  }

  private static String times(BigDecimal price, String factor) {
    return price.multiply(new BigDecimal(factor)).setScale(2, RoundingMode.DOWN).toPlainString();
  }
}
