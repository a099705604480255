package dev.bpx.paper.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.FundingPaymentQuery;
import dev.bpx.client.request.InterestHistoryQuery;
import dev.bpx.client.request.OrderRequest;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A real clock is almost never on a whole second when the exchange starts; hourly funding and
 * interest must still be paid (the walk steps once a second from the exchange's birth).
 */
class UnalignedClockTest {

  @Test
  void fundingAndInterestArePaidWhenTheExchangeStartsBetweenTwoSeconds() {
    PaperClock clock = PaperClock.fixed(Instant.parse("2026-03-01T10:30:00.347Z"));
    try (PaperExchange paper = PaperExchange.builder().clock(clock).seed(5).start();
        BackpackClient client = BackpackClient.builder().baseUrl(paper.url()).signingKey(SigningKey.generate())
            .clock(clock).sleeper(d -> { }).maxRetries(0).build()) {
      client.orders().place(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, new BigDecimal("1")).build());

      paper.advance(Duration.ofHours(2).plusMinutes(1));

      assertThat(client.history().listFundingPayments(FundingPaymentQuery.all())).hasSizeGreaterThanOrEqualTo(2);
      assertThat(client.history().listInterestPayments(InterestHistoryQuery.all())).isNotEmpty();
    }
  }
}
