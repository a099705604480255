package dev.bpx.paper.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.PaperHttp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SmokeTest {
  private static void log(String s) {
    // kept quiet; the assertions below are what matter
  }

  @Test
  void everyEndpointAnswers() {
    PaperClock clock = PaperClock.fixed(Instant.parse("2026-03-01T12:00:00.250Z"));
    try (PaperExchange paper = PaperExchange.builder().clock(clock).seed(7).start()) {
      PaperHttp c = new PaperHttp(paper.url(), SigningKey.generate(), clock);
      for (String p : new String[] {"/api/v1/markets", "/api/v1/market?symbol=SOL_USDC", "/api/v1/ticker?symbol=SOL_USDC",
          "/api/v1/tickers", "/api/v1/depth?symbol=SOL_USDC&limit=5", "/api/v1/klines?symbol=SOL_USDC&interval=1h&startTime=1772300000",
          "/api/v1/trades?symbol=SOL_USDC", "/api/v1/markPrices", "/api/v1/fundingRates?symbol=SOL_USDC_PERP",
          "/api/v1/openInterest", "/api/v1/assets", "/api/v1/collateral", "/api/v1/borrowLend/markets", "/api/v1/status",
          "/api/v1/account", "/api/v1/capital", "/api/v1/capital/collateral", "/api/v1/borrowLend/positions",
          "/api/v1/orders", "/api/v1/position", "/wapi/v1/history/orders", "/wapi/v1/history/fills"}) {
        PaperHttp.Reply r = c.get(p);
        log(p + " -> " + r.status() + " " + r.body().substring(0, Math.min(600, r.body().length())));
        assertThat(r.status()).as(p).isEqualTo(200);
      }
      PaperHttp.Reply o = c.post("/api/v1/order", "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"2\"}");
      log(o.body());
      assertThat(o.status()).isEqualTo(200);
      log(c.get("/api/v1/position").body());
      log(c.get("/api/v1/position?symbol=SOL_USDC_PERP").body());
      log(c.get("/api/v1/capital/collateral").body());
      PaperHttp.Reply l = c.post("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"quantity\":\"1\",\"price\":\"150.00\",\"clientId\":7}");
      log(l.body());
      log(c.get("/api/v1/capital").body());
      log(c.delete("/api/v1/order", "{\"symbol\":\"SOL_USDC\",\"clientId\":7}").body());
      log(c.get("/wapi/v1/history/fills").body());
    }
  }
}
