package dev.bpx.paper.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.EmergencyStopReport;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.Position;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's emergency stop against the paper exchange over HTTP: the exchange's own lists afterwards. */
class EmergencyStopOnPaperTest {
  private final PaperWithClient px = new PaperWithClient();

  @AfterEach
  void close() {
    px.close();
  }

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private static boolean open(Position p) {
    return p.netQuantity() != null && p.netQuantity().signum() != 0;
  }

  @Test
  void aMixedBookOfRestingTriggerAndExitOrdersWithALongAndAShortEndsWithNothingOpenAndASecondCallHasNothingToDo() {
    px.paper.setPrice("SOL_USDC", d("150.00"));
    px.paper.setPrice("SOL_USDC_PERP", d("150.00"));
    px.paper.setPrice("BTC_USDC_PERP", d("60000.0"));
    var orders = px.client.orders();
    orders.place(OrderRequest.limit("SOL_USDC", Side.BID, d("1"), d("100.00")).build());
    orders.place(OrderRequest.limit("SOL_USDC_PERP", Side.ASK, d("1"), d("200.00")).build());
    Order stop = orders.place(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, d("1"))
        .triggerPrice(d("155.00")).triggerQuantity(d("1")).build());
    assertThat(stop.status()).isEqualTo(OrderStatus.TRIGGER_PENDING);
    orders.place(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, d("2"))
        .takeProfitTriggerPrice(d("170.00")).stopLossTriggerPrice(d("140.00")).build());
    orders.place(OrderRequest.marketByQuantity("BTC_USDC_PERP", Side.ASK, d("0.01")).build());
    List<Order> openBefore = orders.listOpenOrders();
    assertThat(openBefore).hasSize(5);
    assertThat(px.client.account().listPositions()).filteredOn(EmergencyStopOnPaperTest::open)
        .extracting(Position::symbol).containsExactlyInAnyOrder("SOL_USDC_PERP", "BTC_USDC_PERP");

    EmergencyStopReport report = orders.emergencyStop();

    assertThat(report.failures()).isEmpty();
    assertThat(report.cancelled()).extracting(Order::id)
        .containsExactlyInAnyOrderElementsOf(openBefore.stream().map(Order::id).toList());
    assertThat(report.closed()).extracting(Order::symbol).containsExactlyInAnyOrder("SOL_USDC_PERP", "BTC_USDC_PERP");
    assertThat(report.closed()).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
    assertThat(orders.listOpenOrders()).isEmpty();
    assertThat(px.client.account().listPositions()).noneMatch(EmergencyStopOnPaperTest::open);

    EmergencyStopReport again = orders.emergencyStop();

    assertThat(again.nothingToDo()).isTrue();
    assertThat(orders.listOpenOrders()).isEmpty();
  }
}
