package dev.bpx.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstructionsTest {

  @Test
  void mapsSignedEndpointsToTheirInstructions() {
    assertThat(Instructions.forRequest("POST", "/api/v1/order")).hasValue("orderExecute");
    assertThat(Instructions.forRequest("delete", "/api/v1/order")).hasValue("orderCancel");
    assertThat(Instructions.forRequest("GET", "/api/v1/order")).hasValue("orderQuery");
    assertThat(Instructions.forRequest("DELETE", "/api/v1/orders")).hasValue("orderCancelAll");
    assertThat(Instructions.forRequest("POST", "/api/v1/orders")).hasValue("orderExecute");
    assertThat(Instructions.forRequest("GET", "/api/v1/capital")).hasValue("balanceQuery");
    assertThat(Instructions.forRequest("POST", "/api/v1/borrowLend")).hasValue("borrowLendExecute");
    assertThat(Instructions.forRequest("PATCH", "/api/v1/account")).hasValue("accountUpdate");
    assertThat(Instructions.forRequest("GET", "/wapi/v1/history/fills")).hasValue("fillHistoryQueryAll");
  }

  @Test
  void publicEndpointsHaveNoInstruction() {
    assertThat(Instructions.forRequest("GET", "/api/v1/markets")).isEmpty();
    assertThat(Instructions.forRequest("GET", "/api/v1/depth")).isEmpty();
    assertThat(Instructions.forRequest("GET", "/wapi/v1/history/pnl")).isEmpty();
  }

  @Test
  void onlyPostOrdersIsABatch() {
    assertThat(Instructions.isBatch("POST", "/api/v1/orders")).isTrue();
    assertThat(Instructions.isBatch("DELETE", "/api/v1/orders")).isFalse();
    assertThat(Instructions.isBatch("POST", "/api/v1/order")).isFalse();
  }
}
