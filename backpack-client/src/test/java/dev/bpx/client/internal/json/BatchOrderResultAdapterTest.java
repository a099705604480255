package dev.bpx.client.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.bpx.client.model.BatchOrderResult;
import dev.bpx.client.model.OrderStatus;
import dev.bpx.client.model.OrderType;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchOrderResultAdapterTest {

  private static final String BATCH =
      """
      [
        {"operation":"Ok","orderType":"Limit","id":"8284671277","clientId":7,"symbol":"SOL_USDC",
         "side":"Bid","status":"New","timeInForce":"GTC","selfTradePrevention":"RejectTaker",
         "createdAt":1757621458290,"price":"142.10","quantity":"1.5","executedQuantity":"0",
         "executedQuoteQuantity":"0","postOnly":false},
        {"operation":"Err","code":"INSUFFICIENT_FUNDS","message":"Insufficient funds"},
        {"orderType":"Market","id":"8284671280","symbol":"SOL_USDC","side":"Ask","status":"Filled",
         "timeInForce":"GTC","selfTradePrevention":"RejectTaker","createdAt":1757621458291,
         "quantity":"1","executedQuantity":"1","executedQuoteQuantity":"142.0"},
        {"code":"INVALID_ORDER","message":"Invalid order"}
      ]
      """;

  private final Moshi moshi = JsonCodec.newMoshi();
  private final JsonAdapter<BatchOrderResult> adapter = moshi.adapter(BatchOrderResult.class);

  @Test
  void decodesOkItemsAsOrdersAndErrItemsAsErrorsInInputOrder() throws IOException {
    List<BatchOrderResult> items = JsonCodec.listAdapter(moshi, BatchOrderResult.class).fromJson(BATCH);

    assertThat(items).hasSize(4);
    assertThat(items.get(0).ok()).isTrue();
    assertThat(items.get(0).order().id()).isEqualTo("8284671277");
    assertThat(items.get(0).order().clientId()).isEqualTo(7L);
    assertThat(items.get(0).order().price()).isEqualByComparingTo("142.10");
    assertThat(items.get(0).code()).isNull();
    assertThat(items.get(0).message()).isNull();

    assertThat(items.get(1).ok()).isFalse();
    assertThat(items.get(1).order()).isNull();
    assertThat(items.get(1).code()).isEqualTo("INSUFFICIENT_FUNDS");
    assertThat(items.get(1).message()).isEqualTo("Insufficient funds");
  }

  @Test
  void anItemWithoutOperationButWithAnIdIsASuccess() throws IOException {
    List<BatchOrderResult> items = JsonCodec.listAdapter(moshi, BatchOrderResult.class).fromJson(BATCH);

    assertThat(items.get(2).ok()).isTrue();
    assertThat(items.get(2).order().orderType()).isEqualTo(OrderType.MARKET);
    assertThat(items.get(2).order().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(items.get(2).order().executedQuoteQuantity()).isEqualByComparingTo("142.0");
  }

  @Test
  void anItemWithoutOperationOrIdIsAnError() throws IOException {
    List<BatchOrderResult> items = JsonCodec.listAdapter(moshi, BatchOrderResult.class).fromJson(BATCH);

    assertThat(items.get(3)).isEqualTo(BatchOrderResult.error("INVALID_ORDER", "Invalid order"));
  }

  @Test
  void errWinsEvenWhenTheItemAlsoCarriesAnId() throws IOException {
    BatchOrderResult item =
        adapter.fromJson(
            """
            {"id":"1","operation":"Err","code":"INVALID_PRICE","message":"Price out of bounds"}
            """);

    assertThat(item.ok()).isFalse();
    assertThat(item.code()).isEqualTo("INVALID_PRICE");
  }

  @Test
  void writesOkWithFlattenedOrderFieldsAndErrWithCodeAndMessage() throws IOException {
    BatchOrderResult ok =
        adapter.fromJson(
            """
            {"operation":"Ok","orderType":"Limit","id":"5","symbol":"SOL_USDC","side":"Bid",
             "status":"New","timeInForce":"GTC","selfTradePrevention":"RejectTaker",
             "createdAt":1757621458290,"price":"142.10","quantity":"1.5"}
            """);

    assertThat(adapter.toJson(ok))
        .startsWith("{\"operation\":\"Ok\",\"orderType\":\"Limit\",\"id\":\"5\"")
        .contains("\"price\":\"142.10\"", "\"createdAt\":1757621458290");
    assertThat(adapter.fromJson(adapter.toJson(ok))).isEqualTo(ok);
    assertThat(adapter.toJson(BatchOrderResult.error("INVALID_ORDER", "Invalid order")))
        .isEqualTo("{\"operation\":\"Err\",\"code\":\"INVALID_ORDER\",\"message\":\"Invalid order\"}");
  }

  @Test
  void nullItemDecodesToNull() throws IOException {
    assertThat(adapter.fromJson("null")).isNull();
  }
}
