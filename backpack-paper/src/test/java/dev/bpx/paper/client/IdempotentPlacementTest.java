package dev.bpx.paper.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.BackpackClient;
import dev.bpx.client.OrderLookup;
import dev.bpx.client.Placement;
import dev.bpx.client.model.BatchOrderResult;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.Side;
import dev.bpx.client.model.TimeInForce;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code placeIdempotent} against the paper exchange: the clientId check reads the history back to
 * the lookback whatever the number of orders, finds a real duplicate, lets a clientId be used again
 * once the lookback has passed, and serialises concurrent calls with one clientId.
 */
class IdempotentPlacementTest {
  private final PaperWithClient px = new PaperWithClient();

  @BeforeEach
  void setUp() {
    px.paper.setPrice("SOL_USDC", new BigDecimal("150.00"));
  }

  @AfterEach
  void tearDown() {
    px.close();
  }

  private static OrderRequest restingBid(long clientId) {
    return OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("1"), new BigDecimal("140.00"))
        .timeInForce(TimeInForce.GTC).clientId(clientId).build();
  }

  /** Places {@code count} IOC bids far below the market: each expires at once into the history. */
  private List<Order> fillHistory(int count, long firstClientId) {
    List<Order> placed = new ArrayList<>();
    for (int start = 0; start < count; start += 100) {
      List<OrderRequest> batch = new ArrayList<>();
      for (int i = start; i < Math.min(count, start + 100); i++) {
        batch.add(OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("0.01"), new BigDecimal("100.00"))
            .timeInForce(TimeInForce.IOC).clientId(firstClientId + i).build());
      }
      for (BatchOrderResult result : px.client.orders().placeBatch(batch)) {
        assertThat(result.ok()).as("%s", result).isTrue();
        placed.add(result.order());
      }
    }
    return placed;
  }

  @Test
  void aCallerChosenClientIdIsPlacedAndARealDuplicateFoundBeyondAThousandOrdersOfHistory() {
    List<Order> history = fillHistory(1_100, 10_000);
    Order oldest = history.get(0);
    assertThat(oldest.status()).isNotEqualTo(OrderStatus.NEW);

    Placement fresh = px.client.orders().placeIdempotent(restingBid(77));
    Placement again = px.client.orders().placeIdempotent(restingBid(77));
    Placement deepInHistory = px.client.orders().placeIdempotent(
        OrderRequest.limit("SOL_USDC", Side.BID, new BigDecimal("0.01"), new BigDecimal("100.00"))
            .timeInForce(TimeInForce.IOC).clientId(oldest.clientId()).build());

    assertThat(fresh.duplicate()).isFalse();
    assertThat(fresh.order().status()).isEqualTo(OrderStatus.NEW);
    assertThat(again.duplicate()).isTrue();
    assertThat(again.order().id()).isEqualTo(fresh.order().id());
    assertThat(deepInHistory.duplicate()).as("the first of 1,100 orders sits on the second history page").isTrue();
    assertThat(deepInHistory.order().id()).isEqualTo(oldest.id());
    assertThat(px.client.orders().listOpenOrders("SOL_USDC")).hasSize(1);
  }

  @Test
  void aClosedOrderCountsAsTheSameOrderUntilTheLookbackEndsAndNotAMinuteLonger() {
    Duration lookback = px.client.orders().clientIdLookback();
    assertThat(lookback).isEqualTo(BackpackClient.DEFAULT_CLIENT_ID_LOOKBACK);
    Order first = px.client.orders().placeIdempotent(restingBid(5)).order();
    px.client.orders().cancelByClientId("SOL_USDC", 5);

    px.advance(lookback.minusMinutes(1));
    px.paper.setPrice("SOL_USDC", new BigDecimal("150.00")); // the price walk moved meanwhile
    Placement inside = px.client.orders().placeIdempotent(restingBid(5));
    px.advance(Duration.ofMinutes(2));
    px.paper.setPrice("SOL_USDC", new BigDecimal("150.00"));
    Placement outside = px.client.orders().placeIdempotent(restingBid(5));

    assertThat(inside.duplicate()).isTrue();
    assertThat(inside.order().id()).isEqualTo(first.id());
    assertThat(inside.order().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(outside.duplicate()).as("past the lookback a clientId is free again, as on the exchange").isFalse();
    assertThat(outside.order().id()).isNotEqualTo(first.id());
    assertThat(outside.order().status()).isEqualTo(OrderStatus.NEW);
  }

  @Test
  void getOrderByClientIdFindsTheNewestOrderWithinTheLookback() {
    fillHistory(1_050, 50_000);
    Optional<OrderLookup> found = px.client.orders().findOrder("SOL_USDC", null, 50_000L);

    assertThat(found).isPresent();
    assertThat(found.get().isOpen()).isFalse();
    assertThat(found.get().historicalOrder().clientId()).isEqualTo(50_000L);
  }

  @Test
  void concurrentPlacementsWithOneClientIdPlaceOneOrder() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Placement>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> px.client.orders().placeIdempotent(restingBid(9)));
      }
      List<Placement> results = new ArrayList<>();
      for (Future<Placement> f : pool.invokeAll(calls)) {
        results.add(f.get());
      }

      assertThat(results).filteredOn(p -> !p.duplicate()).hasSize(1);
      assertThat(results).extracting(p -> p.order().id()).containsOnly(results.get(0).order().id());
      assertThat(px.client.orders().listOpenOrders("SOL_USDC")).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
