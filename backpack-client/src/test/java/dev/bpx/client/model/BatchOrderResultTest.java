package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchOrderResultTest {

  static final String OK_ITEM =
      """
      {"operation":"Ok","orderType":"Limit","id":"8284671277","clientId":1,"symbol":"SOL_USDC",
       "side":"Bid","status":"New","timeInForce":"GTC","selfTradePrevention":"RejectTaker",
       "createdAt":1757621458290,"price":"142.10","quantity":"1.5","executedQuantity":"0",
       "executedQuoteQuantity":"0","postOnly":true}
      """;

  static final String ERR_ITEM =
      """
      {"operation":"Err","code":"INSUFFICIENT_FUNDS","message":"Insufficient funds"}
      """;

  @Test
  void successItemExposesTheOrder() {
    BatchOrderResult r = parse(BatchOrderResult.class, OK_ITEM);

    assertThat(r.ok()).isTrue();
    assertThat(r.order().id()).isEqualTo("8284671277");
    assertThat(r.order().clientId()).isEqualTo(1L);
    assertThat(r.order().postOnly()).isTrue();
    assertThat(r.code()).isNull();
    assertThat(r.message()).isNull();
  }

  @Test
  void errorItemExposesCodeAndMessage() {
    BatchOrderResult r = parse(BatchOrderResult.class, ERR_ITEM);

    assertThat(r.ok()).isFalse();
    assertThat(r.order()).isNull();
    assertThat(r.code()).isEqualTo("INSUFFICIENT_FUNDS");
    assertThat(r.message()).isEqualTo("Insufficient funds");
  }

  @Test
  void successItemWithoutOperationIsRecognisedByItsId() {
    BatchOrderResult r = parse(BatchOrderResult.class, OK_ITEM.replace("\"operation\":\"Ok\",", ""));

    assertThat(r.ok()).isTrue();
    assertThat(r.order()).isEqualTo(parse(BatchOrderResult.class, OK_ITEM).order());
  }

  @Test
  void errorItemWithAbsentMessageHasNullMessage() {
    BatchOrderResult r = parse(BatchOrderResult.class, "{\"operation\":\"Err\",\"code\":\"INVALID_ORDER\"}");

    assertThat(r.ok()).isFalse();
    assertThat(r.message()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(BatchOrderResult.class, withUnknownFields(OK_ITEM)))
        .isEqualTo(parse(BatchOrderResult.class, OK_ITEM));
    assertThat(parse(BatchOrderResult.class, withUnknownFields(ERR_ITEM)))
        .isEqualTo(parse(BatchOrderResult.class, ERR_ITEM));
  }

  @Test
  void mixedBatchKeepsInputOrder() {
    List<BatchOrderResult> items =
        ModelJson.parseList(BatchOrderResult.class, "[" + ERR_ITEM + "," + OK_ITEM + "]");

    assertThat(items).extracting(BatchOrderResult::ok).containsExactly(false, true);
  }
}
