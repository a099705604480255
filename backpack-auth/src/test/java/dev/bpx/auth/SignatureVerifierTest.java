package dev.bpx.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.VerificationResult.Failure;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
  private static final long NOW = 1_735_689_600_000L;
  private final SignatureVerifier verifier =
      new SignatureVerifier(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
  private final RequestSigner signer = new RequestSigner(TestKeys.key());

  private static final String ORDER_BODY =
      "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\",\"price\":\"180.50\",\"quantity\":\"1.5\"}";

  @Test
  void acceptsASignedPostBody() {
    SignedHeaders h = signer.sign("orderExecute", SigningParams.fromJsonObject(ORDER_BODY), NOW, 5000);

    VerificationResult result = verifier.verify(post("/api/v1/order", ORDER_BODY, h));

    assertThat(result.valid()).isTrue();
    assertThat(result.apiKey()).isEqualTo(TestKeys.PUBLIC);
  }

  @Test
  void acceptsASignedGetWhateverTheQueryOrder() {
    SignedHeaders h = signer.sign("fillHistoryQueryAll", Map.of("symbol", "SOL_USDC", "limit", "100"), NOW, 5000);

    assertThat(verifier.verify(get("/wapi/v1/history/fills", "symbol=SOL_USDC&limit=100", h)).valid()).isTrue();
    assertThat(verifier.verify(get("/wapi/v1/history/fills", "limit=100&symbol=SOL_USDC", h)).valid()).isTrue();
  }

  @Test
  void acceptsPercentEncodedQueriesSignedEitherDecodedOrEncoded() {
    SignedHeaders decoded = signer.sign("orderQueryAll", Map.of("symbol", "A B"), NOW, 5000);
    SignedHeaders encoded = signer.sign("orderQueryAll", Map.of("symbol", "A%20B"), NOW, 5000);

    assertThat(verifier.verify(get("/api/v1/orders", "symbol=A%20B", decoded)).valid()).isTrue();
    assertThat(verifier.verify(get("/api/v1/orders", "symbol=A%20B", encoded)).valid()).isTrue();
  }

  @Test
  void acceptsABatchSignedOneSegmentPerOrder() {
    String body = "[" + ORDER_BODY + "," + ORDER_BODY.replace("180.50", "180.40") + "]";
    SignedHeaders h = signer.signBatch("orderExecute", SigningParams.fromJsonArray(body), NOW, 5000);

    assertThat(verifier.verify(post("/api/v1/orders", body, h)).valid()).isTrue();
  }

  @Test
  void absentWindowHeaderMeansFiveThousand() {
    SignedHeaders h = signer.sign("balanceQuery", Map.of(), NOW, 5000);
    SignedRequest request =
        new SignedRequest("GET", "/api/v1/capital", null, null, h.apiKey(), h.signature(), "" + NOW, null);

    assertThat(verifier.verify(request).valid()).isTrue();
  }

  @Test
  void rejectsATamperedBody() {
    SignedHeaders h = signer.sign("orderExecute", SigningParams.fromJsonObject(ORDER_BODY), NOW, 5000);

    VerificationResult result = verifier.verify(post("/api/v1/order", ORDER_BODY.replace("1.5", "15"), h));

    assertThat(result.failure()).isEqualTo(Failure.BAD_SIGNATURE);
    assertThat(result.message()).isEqualTo("Invalid signature");
  }

  @Test
  void rejectsASignatureForAnotherInstruction() {
    SignedHeaders h = signer.sign("orderQuery", SigningParams.fromJsonObject(ORDER_BODY), NOW, 5000);

    assertThat(verifier.verify(post("/api/v1/order", ORDER_BODY, h)).failure()).isEqualTo(Failure.BAD_SIGNATURE);
  }

  @Test
  void rejectsASignatureByAnotherKey() {
    SignedHeaders other =
        new RequestSigner(SigningKey.generate()).sign("balanceQuery", Map.of(), NOW, 5000);
    SignedHeaders forged = new SignedHeaders(TestKeys.PUBLIC, other.signature(), NOW, 5000);

    assertThat(verifier.verify(get("/api/v1/capital", null, forged)).failure()).isEqualTo(Failure.BAD_SIGNATURE);
  }

  @Test
  void rejectsAnExpiredTimestamp() {
    SignedHeaders h = signer.sign("balanceQuery", Map.of(), NOW - 5001, 5000);

    VerificationResult result = verifier.verify(get("/api/v1/capital", null, h));

    assertThat(result.failure()).isEqualTo(Failure.EXPIRED);
    assertThat(result.message()).isEqualTo("Request has expired");
  }

  @Test
  void acceptsATimestampAtTheEdgeOfTheWindow() {
    SignedHeaders h = signer.sign("balanceQuery", Map.of(), NOW - 5000, 5000);

    assertThat(verifier.verify(get("/api/v1/capital", null, h)).valid()).isTrue();
  }

  @Test
  void rejectsATimestampTooFarInTheFuture() {
    SignedHeaders h = signer.sign("balanceQuery", Map.of(), NOW + 5001, 5000);

    assertThat(verifier.verify(get("/api/v1/capital", null, h)).failure()).isEqualTo(Failure.EXPIRED);
  }

  @Test
  void rejectsAWindowAboveSixtyThousand() {
    SignedHeaders h = signer.sign("balanceQuery", Map.of(), NOW, 5000);
    SignedRequest request =
        new SignedRequest("GET", "/api/v1/capital", null, null, h.apiKey(), h.signature(), "" + NOW, "60001");

    assertThat(verifier.verify(request).failure()).isEqualTo(Failure.WINDOW_TOO_LARGE);
  }

  @Test
  void rejectsMissingHeaders() {
    SignedHeaders h = signer.sign("balanceQuery", Map.of(), NOW, 5000);

    assertThat(verifier.verify(new SignedRequest("GET", "/api/v1/capital", null, null, null, h.signature(), "" + NOW, null)).message())
        .isEqualTo("Missing X-API-Key header");
    assertThat(verifier.verify(new SignedRequest("GET", "/api/v1/capital", null, null, h.apiKey(), null, "" + NOW, null)).failure())
        .isEqualTo(Failure.MISSING_HEADERS);
    assertThat(verifier.verify(new SignedRequest("GET", "/api/v1/capital", null, null, h.apiKey(), h.signature(), null, null)).failure())
        .isEqualTo(Failure.MISSING_HEADERS);
  }

  @Test
  void rejectsMalformedHeaders() {
    SignedHeaders h = signer.sign("balanceQuery", Map.of(), NOW, 5000);

    assertThat(verifier.verify(new SignedRequest("GET", "/api/v1/capital", null, null, "short", h.signature(), "" + NOW, null)).message())
        .isEqualTo("Invalid X-API-Key header");
    assertThat(verifier.verify(new SignedRequest("GET", "/api/v1/capital", null, null, h.apiKey(), "AAAA", "" + NOW, null)).message())
        .isEqualTo("Invalid X-Signature header");
    assertThat(verifier.verify(new SignedRequest("GET", "/api/v1/capital", null, null, h.apiKey(), "@@@", "" + NOW, null)).message())
        .isEqualTo("Invalid X-Signature header");
    assertThat(verifier.verify(new SignedRequest("GET", "/api/v1/capital", null, null, h.apiKey(), h.signature(), "soon", null)).message())
        .isEqualTo("Invalid X-Timestamp header");
    assertThat(verifier.verify(new SignedRequest("GET", "/api/v1/capital", null, null, h.apiKey(), h.signature(), "" + NOW, "-1")).message())
        .isEqualTo("Invalid X-Window header");
  }

  @Test
  void rejectsAMalformedBody() {
    SignedHeaders h = signer.sign("orderExecute", Map.of(), NOW, 5000);

    assertThat(verifier.verify(post("/api/v1/order", "{\"symbol\":", h)).failure()).isEqualTo(Failure.MALFORMED_BODY);
  }

  @Test
  void publicEndpointsAreNotSignedEndpoints() {
    SignedHeaders h = signer.sign("balanceQuery", Map.of(), NOW, 5000);

    assertThat(verifier.verify(get("/api/v1/markets", null, h)).failure()).isEqualTo(Failure.UNKNOWN_INSTRUCTION);
  }

  @Test
  void requestsFromMoreKeysThanTheKeyCacheHoldsStillVerifyAndForgeriesStillFail() {
    SignedHeaders first = null;
    for (int i = 0; i < 1100; i++) {
      SignedHeaders h = new RequestSigner(SigningKey.generate()).sign("balanceQuery", Map.of(), NOW, 5000);
      first = first == null ? h : first;
      assertThat(verifier.verify(get("/api/v1/capital", null, h)).valid()).isTrue();
    }
    SignedHeaders forged = new SignedHeaders(TestKeys.PUBLIC, first.signature(), NOW, 5000);

    assertThat(verifier.verify(get("/api/v1/capital", null, first)).valid()).isTrue();
    assertThat(verifier.verify(get("/api/v1/capital", null, forged)).failure()).isEqualTo(Failure.BAD_SIGNATURE);
    assertThat(verifier.verify(get("/api/v1/capital", null, forged)).failure()).isEqualTo(Failure.BAD_SIGNATURE);
  }

  @Test
  void resultsNeverPrintTheKey() {
    SignedHeaders h = signer.sign("balanceQuery", Map.of(), NOW, 5000);

    assertThat(verifier.verify(get("/api/v1/capital", null, h)).toString()).doesNotContain(TestKeys.PUBLIC);
    assertThat(get("/api/v1/capital", null, h).toString()).doesNotContain(TestKeys.PUBLIC).doesNotContain(h.signature());
    assertThat(List.of(Failure.values())).hasSize(7);
  }

  private static SignedRequest post(String path, String body, SignedHeaders h) {
    return new SignedRequest("POST", path, null, body, h.apiKey(), h.signature(), "" + h.timestampMillis(), "" + h.windowMillis());
  }

  private static SignedRequest get(String path, String query, SignedHeaders h) {
    return new SignedRequest("GET", path, query, null, h.apiKey(), h.signature(), "" + h.timestampMillis(), "" + h.windowMillis());
  }
}
