package dev.bpx.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.OrderNotPlacedException;
import dev.bpx.client.exception.ResponseFormatException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The outcome each failure text gives an assistant: nothing changed, not placed, or unknown with what to call. */
class ToolErrorTextsTest {
  @Test
  void aReadThatFailedWithA5xxSaysNothingWasChangedAndNeverThatItMayHaveBeenExecuted() {
    String text = ToolErrors.describe(new ApiException(503, null, null, "GET", "/wapi/v1/history/orders"));

    assertThat(text).contains("Nothing was placed, cancelled or changed", "retrying later is safe")
        .doesNotContain("may have been executed", "may or may not");
  }

  @Test
  void aReadWhoseAnswerWasLostOrGarbledSaysNothingWasChanged() {
    String lost = ToolErrors.describe(new NetworkException("GET /api/v1/markets timed out", "GET", "/api/v1/markets", true, null, null));
    String garbled = ToolErrors.describe(new ResponseFormatException("GET /api/v1/markets", "$[0]", "not an object", null));

    assertThat(lost).contains("Nothing was placed, cancelled or changed", "Retrying is safe").doesNotContain("unknown");
    assertThat(garbled).contains("Nothing was placed, cancelled or changed").doesNotContain("executed");
  }

  @Test
  void anOrderConfirmedAbsentSaysNotPlacedAndSafeToRetryWithTheSameClientId() {
    String text = ToolErrors.describe(new OrderNotPlacedException("POST /api/v1/order: the exchange answered HTTP 500",
        "SOL_USDC", 42L, new ApiException(500, null, null, "POST", "/api/v1/order")));

    assertThat(text).startsWith("Not placed").contains("create_order again is safe", "clientId 42")
        .doesNotContain("may have");
  }

  @Test
  void anUnknownOrderOutcomeNamesTheClientIdAndTheToolWithItsArguments() {
    String text = ToolErrors.describe(new NetworkException("POST /api/v1/order: checking failed", "POST", "/api/v1/order",
        true, "SOL_USDC", 42L, new IOException()));

    assertThat(text).contains("clientId 42 was placed is unknown", "Call get_order with symbol SOL_USDC and clientId 42",
        "before placing it again");
  }

  @Test
  void aLostCancelPointsAtGetOrderAndSaysCancellingAgainIsSafe() {
    String text = ToolErrors.describe(new NetworkException("DELETE /api/v1/order: no answer", "DELETE", "/api/v1/order",
        true, "SOL_USDC", null, null));

    assertThat(text).contains("Call get_order with symbol SOL_USDC and orderId", "Cancelling again is safe");
  }

  @Test
  void aCancelOfAnOrderThatIsNotOpenSaysSoInsteadOfChangeTheRequest() {
    String text = ToolErrors.describe(new ApiException(404, "RESOURCE_NOT_FOUND", "Order not found", "DELETE", "/api/v1/order"));

    assertThat(text).contains("The order is not open", "get_order").doesNotContain("Change the request");
  }
}
