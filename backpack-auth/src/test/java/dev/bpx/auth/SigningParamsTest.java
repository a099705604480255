package dev.bpx.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SigningParamsTest {

  @Test
  void booleansAreLowercaseAndStringsLoseTheirQuotes() {
    Map<String, String> params =
        SigningParams.fromJsonObject("{\"postOnly\":true,\"reduceOnly\":false,\"price\":\"180.50\"}");

    assertThat(params).containsExactly(
        Map.entry("postOnly", "true"), Map.entry("price", "180.50"), Map.entry("reduceOnly", "false"));
  }

  @Test
  void numbersKeepTheirDecimalTextAndNullIsLeftOut() {
    Map<String, String> params =
        SigningParams.fromJsonObject("{\"clientId\":4294967295,\"quantity\":0.0000001,\"triggerPrice\":null}");

    assertThat(params).containsExactly(Map.entry("clientId", "4294967295"), Map.entry("quantity", "0.0000001"));
  }

  @Test
  void queryValuesArePercentDecoded() {
    assertThat(SigningParams.fromQuery("triggerQuantity=50%25&symbol=SOL_USDC"))
        .containsExactly(Map.entry("symbol", "SOL_USDC"), Map.entry("triggerQuantity", "50%"));
  }

  @Test
  void emptyQueryHasNoParameters() {
    assertThat(SigningParams.fromQuery(null)).isEmpty();
    assertThat(SigningParams.fromQuery("")).isEmpty();
  }

  @Test
  void nonObjectBodiesAreRejected() {
    assertThatThrownBy(() -> SigningParams.fromJsonObject("[1]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SigningParams.fromJsonArray("{}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SigningParams.fromJsonArray("[1]")).isInstanceOf(IllegalArgumentException.class);
  }
}
