package dev.bpx.paper.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What the paper README promises about {@code advance}: the exchange's clock runs ahead of the wall clock, signatures
 * are checked against the exchange's, and the typed client, signing with the wall clock, recovers by itself (it
 * reads {@code GET /api/v1/time} on "Request has expired" and keeps the offset).
 */
class ClientAfterAdvanceTest {

  @Test
  void aClientOnTheWallClockKeepsTradingAfterTheExchangeIsAdvancedByHours() {
    try (PaperExchange paper = PaperExchange.builder().clock(PaperClock.system()).seed(3).start();
        BackpackClient client = BackpackClient.builder().baseUrl(paper.url()).signingKey(SigningKey.generate())
            .build()) {
      assertThat(client.capital().listBalances()).isNotEmpty();

      paper.advance(Duration.ofHours(3));

      assertThat(client.capital().listBalances()).as("read after the advance").isNotEmpty();
      Order order = client.orders().place(
          OrderRequest.marketByQuantity("SOL_USDC", Side.BID, new BigDecimal("0.1")).build());
      assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
    }
  }
}
