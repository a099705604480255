package dev.bpx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.RateLimitException;
import dev.bpx.client.model.AccountSettings;
import dev.bpx.client.request.AccountSettingsUpdate;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The retry policy as seen from the outside: what is repeated, how often, after how long. */
class RetryTest {
  private static final String SETTINGS = "{\"autoLend\":true,\"leverageLimit\":\"10\",\"limitOrders\":1}";

  private final TestExchange exchange = new TestExchange(b -> b.readTimeout(Duration.ofMillis(500)));

  @AfterEach
  void close() {
    exchange.close();
  }

  @Test
  void aReadIsRetriedAfter429HonouringRetryAfterSeconds() {
    exchange.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
    exchange.enqueueJson(SETTINGS);

    AccountSettings settings = exchange.client.account().getSettings();

    assertThat(settings.autoLend()).isTrue();
    assertThat(exchange.sleeps).containsExactly(Duration.ofSeconds(2));
    exchange.assertSigned(exchange.take("GET", "/api/v1/account", null));
    exchange.assertSigned(exchange.take("GET", "/api/v1/account", null));
  }

  @Test
  void aReadIsRetriedAfter429HonouringRetryAfterAsAnHttpDate() {
    String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
        .format(TestExchange.CLOCK.instant().plusSeconds(3).atZone(ZoneOffset.UTC));
    exchange.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", inThreeSeconds).build());
    exchange.enqueueJson(SETTINGS);

    exchange.client.account().getSettings();

    assertThat(exchange.sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void aReadIsRetriedAfter429WithoutRetryAfterUsingJitteredBackoff() {
    exchange.enqueue(429, "{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Too many requests\"}");
    exchange.enqueue(429, "{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Too many requests\"}");
    exchange.enqueueJson(SETTINGS);

    exchange.client.account().getSettings();

    assertThat(exchange.sleeps).hasSize(2);
    assertThat(exchange.sleeps.get(0)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
    assertThat(exchange.sleeps.get(1)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
  }

  @Test
  void aRetryAfterLongerThanThirtySecondsIsLeftToTheCaller() {
    exchange.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build());

    assertThatThrownBy(() -> exchange.client.account().getSettings())
        .isInstanceOfSatisfying(RateLimitException.class,
            e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(120)));
    assertThat(exchange.requestCount()).isEqualTo(1);
  }

  @Test
  void aReadIsRetriedOn5xxAndGivesUpAfterMaxRetries() {
    for (int i = 0; i < 4; i++) {
      exchange.enqueue(503, "{\"code\":\"MAINTENANCE\",\"message\":\"Maintenance\"}");
    }

    assertThatThrownBy(() -> exchange.client.account().getSettings())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
    assertThat(exchange.requestCount()).as("first attempt + 3 retries").isEqualTo(4);
    assertThat(exchange.sleeps).hasSize(3);
    assertThat(exchange.sleeps.get(2)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2000));
  }

  @Test
  void aReadIsRetriedAfterAConnectionDrop() {
    exchange.enqueueDisconnectAfterRequest();
    exchange.enqueueJson(SETTINGS);

    exchange.client.account().getSettings();

    assertThat(exchange.requestCount()).isEqualTo(2);
  }

  @Test
  void aReadIsRetriedAfterNoResponse() {
    exchange.enqueueNoResponse();
    exchange.enqueueJson(SETTINGS);

    exchange.client.account().getSettings();

    assertThat(exchange.requestCount()).isEqualTo(2);
    assertThat(exchange.sleeps).hasSize(1);
  }

  @Test
  void aWriteIsNeverRetriedOn5xx() {
    exchange.enqueue(503, "{\"code\":\"MAINTENANCE\",\"message\":\"Maintenance\"}");

    assertThatThrownBy(() -> exchange.client.account().updateSettings(AccountSettingsUpdate.builder().autoLend(true).build()))
        .isInstanceOf(ApiException.class);
    assertThat(exchange.requestCount()).isEqualTo(1);
  }

  @Test
  void aWriteIsNeverRetriedOn429() {
    exchange.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());

    assertThatThrownBy(() -> exchange.client.capital().lend("USDC", java.math.BigDecimal.TEN))
        .isInstanceOf(RateLimitException.class);
    assertThat(exchange.requestCount()).isEqualTo(1);
  }

  @Test
  void aWriteIsNotRetriedAfterAConnectionDropAndSaysItMayHaveReachedTheExchange() {
    exchange.enqueueDisconnectAfterRequest();
    exchange.enqueueEmpty(200);

    assertThatThrownBy(() -> exchange.client.account().updateSettings(AccountSettingsUpdate.builder().autoLend(true).build()))
        .isInstanceOfSatisfying(NetworkException.class, e -> {
          assertThat(e.requestMayHaveReachedExchange()).isTrue();
          assertThat(e.method()).isEqualTo("PATCH");
        });
    assertThat(exchange.requestCount()).isEqualTo(1);
  }

  @Test
  void aWriteThatNeverLeftIsRetriedBecauseTheExchangeCannotHaveActed() throws Exception {
    int port = exchange.server.getPort();
    exchange.close();
    TestExchange refused = new TestExchange(b -> b.baseUrl("http://127.0.0.1:" + port + "/"));
    try {
      refused.server.close();
      assertThatThrownBy(() -> refused.client.capital().lend("USDC", java.math.BigDecimal.ONE))
          .isInstanceOfSatisfying(NetworkException.class,
              e -> assertThat(e.requestMayHaveReachedExchange()).isFalse());
      assertThat(refused.sleeps).hasSize(3);
    } finally {
      refused.close();
    }
  }

  @Test
  void anInterruptDuringBackoffStopsRetryingAndKeepsTheFlag() {
    TestExchange interrupting = new TestExchange(b -> b.sleeper(d -> {
      throw new InterruptedException();
    }));
    try {
      interrupting.enqueue(503, "{}");
      assertThatThrownBy(() -> interrupting.client.account().getSettings()).isInstanceOf(ApiException.class);
      assertThat(Thread.interrupted()).as("interrupt flag restored (and cleared here)").isTrue();
      assertThat(interrupting.requestCount()).isEqualTo(1);
    } finally {
      interrupting.close();
    }
  }
}
