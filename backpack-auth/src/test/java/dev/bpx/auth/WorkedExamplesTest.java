package dev.bpx.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of {@code backpack-api.md} section 1, checked byte for byte from the wire payload
 * to the signing string, then to the signature (known answers computed with OpenSSL, see
 * {@link TestKeys}), and verified with the public key through the JDK.
 */
class WorkedExamplesTest {
  private final RequestSigner signer = new RequestSigner(TestKeys.key());

  @Test
  void postOrderExample() {
    String body =
        "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"180.50\","
            + "\"quantity\":\"1.5\",\"postOnly\":true,\"clientId\":1001,\"timeInForce\":\"GTC\"}";

    Map<String, String> params = SigningParams.fromJsonObject(body);
    String signing = SigningString.of("orderExecute", params, 1735689600000L, 5000);

    assertThat(signing)
        .isEqualTo(
            "instruction=orderExecute&clientId=1001&orderType=Limit&postOnly=true&price=180.50"
                + "&quantity=1.5&side=Bid&symbol=SOL_USDC&timeInForce=GTC&timestamp=1735689600000&window=5000");
    SignedHeaders headers = signer.sign("orderExecute", params, 1735689600000L, 5000);
    assertThat(headers.signature())
        .isEqualTo("pQuk/ZTvM+LLl0skIN3drWu/Mrc6k7+DfJR5OlMlJvIAzzeYX2Km+AgvQvtchefFYMHWFcw3nRNYgln5pkE3Bw==");
    assertVerifies(signing, headers);
  }

  @Test
  void officialDeleteExample() {
    Map<String, String> params = SigningParams.fromJsonObject("{\"orderId\": 28, \"symbol\": \"BTC_USDT\"}");
    String signing = SigningString.of("orderCancel", params, 1614550000000L, 5000);

    assertThat(signing)
        .isEqualTo("instruction=orderCancel&orderId=28&symbol=BTC_USDT&timestamp=1614550000000&window=5000");
    SignedHeaders headers = signer.sign("orderCancel", params, 1614550000000L, 5000);
    assertThat(headers.signature())
        .isEqualTo("E7UijHVsR5NAdTGNA8aOPfAGdwe6Qu5oVcEJPNdG8Kx9HxV2pX+U3IsodvFn1MUHh0CuD+AhMMnJJvtPEat9DA==");
    assertVerifies(signing, headers);
  }

  @Test
  void officialBatchExample() {
    String body =
        "[{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"141\",\"quantity\":\"12\"},"
            + "{\"symbol\":\"SOL_USDC_PERP\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"140\",\"quantity\":\"11\"}]";

    List<Map<String, String>> items = SigningParams.fromJsonArray(body);
    String signing = SigningString.ofBatch("orderExecute", items, 1750793021519L, 5000);

    assertThat(signing)
        .isEqualTo(
            "instruction=orderExecute&orderType=Limit&price=141&quantity=12&side=Bid&symbol=SOL_USDC_PERP"
                + "&instruction=orderExecute&orderType=Limit&price=140&quantity=11&side=Bid&symbol=SOL_USDC_PERP"
                + "&timestamp=1750793021519&window=5000");
    SignedHeaders headers = signer.signBatch("orderExecute", items, 1750793021519L, 5000);
    assertThat(headers.signature())
        .isEqualTo("dossw5xxpYslAw1BgSEqBEom/n5ESR5aNNX5Q4It1+gMA6tNL6YkDT7eVy2jILl0/i/DDDJQlEYYT8vaCyakCg==");
    assertVerifies(signing, headers);
  }

  @Test
  void getWithQueryExample() {
    Map<String, String> params = SigningParams.fromQuery("symbol=SOL_USDC&limit=100");
    String signing = SigningString.of("fillHistoryQueryAll", params, 1735689600000L, 5000);

    assertThat(signing)
        .isEqualTo("instruction=fillHistoryQueryAll&limit=100&symbol=SOL_USDC&timestamp=1735689600000&window=5000");
    SignedHeaders headers = signer.sign("fillHistoryQueryAll", params, 1735689600000L, 5000);
    assertThat(headers.signature())
        .isEqualTo("t1Z0Or97IJxRkYfdXR99QrmeKWbisWWunqfwVh+7czdrQOlF9BKsNHUR2BS+lmumNdmhIWjSYn+2bNX3ulblAQ==");
    assertVerifies(signing, headers);
  }

  @Test
  void requestWithoutParametersSignsOnlyInstructionTimestampAndWindow() {
    String signing = SigningString.of("balanceQuery", Map.of(), 1614550000000L, 5000);

    assertThat(signing).isEqualTo("instruction=balanceQuery&timestamp=1614550000000&window=5000");
    SignedHeaders headers = signer.sign("balanceQuery", Map.of(), 1614550000000L, 5000);
    assertThat(headers.signature())
        .isEqualTo("UfXiEm7cbX4pypibm+sWZFrR4S2WQ1V/CaUoAlkpmbQaMKm09cZjWSsk1VJySB6AdudCCOrw/7phybRpbESrCQ==");
    assertVerifies(signing, headers);
  }

  @Test
  void headersCarryTheFourValues() {
    SignedHeaders headers = signer.sign("balanceQuery", Map.of(), 1614550000000L, 5000);

    assertThat(headers.asMap())
        .containsExactly(
            Map.entry("X-API-Key", TestKeys.PUBLIC),
            Map.entry("X-Signature", headers.signature()),
            Map.entry("X-Timestamp", "1614550000000"),
            Map.entry("X-Window", "5000"));
    assertThat(headers.toString()).doesNotContain(TestKeys.PUBLIC).doesNotContain(headers.signature());
  }

  private static void assertVerifies(String signing, SignedHeaders headers) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(Ed25519Keys.publicKey(Base64.getDecoder().decode(headers.apiKey())));
      verifier.update(signing.getBytes(StandardCharsets.UTF_8));
      assertThat(verifier.verify(Base64.getDecoder().decode(headers.signature()))).isTrue();
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
