package dev.bpx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.AuthenticationException;
import dev.bpx.client.model.AccountSettings;
import java.time.Duration;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An expired timestamp makes the client measure the server clock and re-sign once. */
class ClockSkewTest {
  private static final String EXPIRED = "{\"code\":\"INVALID_CLIENT_REQUEST\",\"message\":\"Request has expired\"}";
  private static final long SERVER_AHEAD_MILLIS = 7_500;

  private TestExchange exchange = new TestExchange();

  @AfterEach
  void close() {
    exchange.close();
  }

  @Test
  void anExpiredRequestIsResignedOnceWithTheMeasuredOffset() {
    exchange.enqueue(400, EXPIRED);
    exchange.enqueueText(200, Long.toString(TestExchange.NOW_MILLIS + SERVER_AHEAD_MILLIS));
    exchange.enqueueJson("{\"autoLend\":true}");

    AccountSettings settings = exchange.client.account().getSettings();

    exchange.assertSigned(exchange.take("GET", "/api/v1/account", null));
    RecordedRequest time = exchange.take("GET", "/api/v1/time", null);
    TestExchange.assertUnsigned(time);
    RecordedRequest retried = exchange.take("GET", "/api/v1/account", null);
    TestExchange.assertSigned(retried, exchange.key, TestExchange.NOW_MILLIS + SERVER_AHEAD_MILLIS);
    assertThat(settings.autoLend()).isTrue();
    assertThat(exchange.client.clockOffset()).isEqualTo(Duration.ofMillis(SERVER_AHEAD_MILLIS));
  }

  @Test
  void anExpiredWriteIsAlsoResignedOnceBecauseItWasNotExecuted() {
    exchange.enqueue(401, EXPIRED);
    exchange.enqueueText(200, Long.toString(TestExchange.NOW_MILLIS - 3_000));
    exchange.enqueueEmpty(200);

    exchange.client.capital().lend("USDC", java.math.BigDecimal.ONE);

    exchange.take("POST", "/api/v1/borrowLend", null);
    exchange.take("GET", "/api/v1/time", null);
    RecordedRequest retried = exchange.take("POST", "/api/v1/borrowLend", null);
    TestExchange.assertSigned(retried, exchange.key, TestExchange.NOW_MILLIS - 3_000);
    assertThat(exchange.requestCount()).isEqualTo(3);
  }

  @Test
  void aSecondExpiryIsReportedNotRetriedForever() {
    exchange.enqueue(400, EXPIRED);
    exchange.enqueueText(200, Long.toString(TestExchange.NOW_MILLIS));
    exchange.enqueue(400, EXPIRED);

    assertThatThrownBy(() -> exchange.client.account().getSettings())
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.isTimestampRejected()).isTrue());
    assertThat(exchange.requestCount()).isEqualTo(3);
  }

  @Test
  void syncClockOnStartMeasuresTheOffsetBeforeTheFirstCall() {
    exchange.close();
    exchange = new TestExchange((ex, builder) -> {
      ex.enqueueText(200, Long.toString(TestExchange.NOW_MILLIS + 1_234));
      builder.syncClockOnStart(true);
    });
    exchange.enqueueJson("{\"autoLend\":false}");

    exchange.client.account().getSettings();

    exchange.take("GET", "/api/v1/time", null);
    TestExchange.assertSigned(exchange.take("GET", "/api/v1/account", null), exchange.key, TestExchange.NOW_MILLIS + 1_234);
    assertThat(exchange.client.clockOffset()).isEqualTo(Duration.ofMillis(1_234));
  }

  @Test
  void syncClockReturnsTheOffsetFromTheMidpointOfTheRoundTrip() {
    exchange.enqueueText(200, "  " + (TestExchange.NOW_MILLIS - 250) + "\n");

    assertThat(exchange.client.syncClock()).isEqualTo(Duration.ofMillis(-250));
  }
}
