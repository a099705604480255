package dev.bpx.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigningStringTest {

  @Test
  void sortsKeysInCodeUnitOrderWhateverTheInsertionOrder() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("symbol", "SOL_USDC");
    params.put("Zeta", "1");
    params.put("clientId", "7");
    params.put("autoLend", "true");

    assertThat(SigningString.of("orderExecute", params, 1, 5000))
        .isEqualTo("instruction=orderExecute&Zeta=1&autoLend=true&clientId=7&symbol=SOL_USDC&timestamp=1&window=5000");
  }

  @Test
  void windowIsAlwaysPresent() {
    assertThat(SigningString.of("accountQuery", Map.of(), 42, SigningString.DEFAULT_WINDOW_MILLIS))
        .endsWith("&timestamp=42&window=5000");
  }

  @Test
  void emptyBatchIsRejected() {
    assertThatThrownBy(() -> SigningString.ofBatch("orderExecute", List.of(), 1, 5000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signerRejectsWindowsOutsideTheAllowedRange() {
    RequestSigner signer = new RequestSigner(TestKeys.key());

    assertThatThrownBy(() -> signer.sign("accountQuery", Map.of(), 1, 60_001))
        .hasMessageContaining("between 1 and 60000");
    assertThatThrownBy(() -> signer.sign("accountQuery", Map.of(), 1, 0)).hasMessageContaining("between 1 and 60000");
    assertThatThrownBy(() -> signer.sign("accountQuery", Map.of(), 0, 5000)).hasMessageContaining("positive");
    assertThat(signer.sign("accountQuery", Map.of(), 1, 60_000).windowMillis()).isEqualTo(60_000);
  }
}
