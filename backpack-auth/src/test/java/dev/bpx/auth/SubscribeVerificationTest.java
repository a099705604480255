package dev.bpx.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.VerificationResult.Failure;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SignatureVerifier#verifySubscribe}: the {@code signature} array of a private WebSocket subscription. */
class SubscribeVerificationTest {
  private static final long NOW = 1_735_689_600_000L;
  /**
   * Ed25519 (RFC 8032) signature of {@code instruction=subscribe&timestamp=1735689600000&window=5000} by
   * {@link TestKeys#SEED}, computed outside this code: identical from Python's {@code cryptography} and
   * Node's {@code crypto.sign(null, ...)}.
   */
  private static final String KNOWN_SIGNATURE =
      "X8E7TdY3WBH8gsfbPirebr3JFKOge4DioKVsRAte4YAl/YMl4S9+2Al4E28YdwyyfD79FYQHkHRTLTLm9OlSCQ==";

  private final SignatureVerifier verifier =
      new SignatureVerifier(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
  private final RequestSigner signer = new RequestSigner(TestKeys.key());

  @Test
  void acceptsTheSignatureAnotherEd25519ImplementationMade() {
    VerificationResult r = verifier.verifySubscribe(TestKeys.PUBLIC, KNOWN_SIGNATURE, "" + NOW, "5000");

    assertThat(r.valid()).isTrue();
    assertThat(r.apiKey()).isEqualTo(TestKeys.PUBLIC);
  }

  @Test
  void acceptsWhatOurSignerSignsWithTheSubscribeInstruction() {
    SignedHeaders h = signer.sign("subscribe", Map.of(), NOW - 1_000, 10_000);

    assertThat(h.signature()).isNotBlank();
    assertThat(verifier.verifySubscribe(h.apiKey(), h.signature(), "" + h.timestampMillis(), "" + h.windowMillis()).valid())
        .isTrue();
  }

  @Test
  void absentWindowMeansFiveThousandAsOnRest() {
    assertThat(verifier.verifySubscribe(TestKeys.PUBLIC, KNOWN_SIGNATURE, "" + NOW, null).valid()).isTrue();
    assertThat(verifier.verifySubscribe(TestKeys.PUBLIC, KNOWN_SIGNATURE, "" + NOW, "6000").failure())
        .isEqualTo(Failure.BAD_SIGNATURE);
  }

  @Test
  void rejectsAnotherKey() {
    String otherKey = SigningKey.generate().publicKeyBase64();

    VerificationResult r = verifier.verifySubscribe(otherKey, KNOWN_SIGNATURE, "" + NOW, "5000");

    assertThat(r.failure()).isEqualTo(Failure.BAD_SIGNATURE);
    assertThat(r.message()).isEqualTo("Invalid signature");
  }

  @Test
  void rejectsASignatureOfAnotherInstruction() {
    SignedHeaders h = signer.sign("balanceQuery", Map.of(), NOW, 5000);

    assertThat(verifier.verifySubscribe(h.apiKey(), h.signature(), "" + NOW, "5000").failure())
        .isEqualTo(Failure.BAD_SIGNATURE);
  }

  @Test
  void rejectsATamperedTimestampOrSignature() {
    byte[] sig = java.util.Base64.getDecoder().decode(KNOWN_SIGNATURE);
    sig[10] ^= 1;
    String flipped = java.util.Base64.getEncoder().encodeToString(sig);

    assertThat(verifier.verifySubscribe(TestKeys.PUBLIC, KNOWN_SIGNATURE, "" + (NOW - 1), "5000").failure())
        .isEqualTo(Failure.BAD_SIGNATURE);
    assertThat(verifier.verifySubscribe(TestKeys.PUBLIC, flipped, "" + NOW, "5000").failure())
        .isEqualTo(Failure.BAD_SIGNATURE);
  }

  @Test
  void rejectsAnExpiredWindow() {
    SignedHeaders h = signer.sign("subscribe", Map.of(), NOW - 5_001, 5_000);

    VerificationResult r = verifier.verifySubscribe(h.apiKey(), h.signature(), "" + h.timestampMillis(), "5000");

    assertThat(r.failure()).isEqualTo(Failure.EXPIRED);
    assertThat(r.message()).isEqualTo("Request has expired");
  }

  @Test
  void rejectsAWindowAboveSixtySeconds() {
    assertThat(verifier.verifySubscribe(TestKeys.PUBLIC, KNOWN_SIGNATURE, "" + NOW, "60001").failure())
        .isEqualTo(Failure.WINDOW_TOO_LARGE);
  }

  @Test
  void malformedElementsAreNamedByTheirPlaceInTheArrayNotAsHeaders() {
    VerificationResult badKey = verifier.verifySubscribe("not base64!", KNOWN_SIGNATURE, "" + NOW, "5000");
    VerificationResult badTime = verifier.verifySubscribe(TestKeys.PUBLIC, KNOWN_SIGNATURE, "soon", "5000");
    VerificationResult noSig = verifier.verifySubscribe(TestKeys.PUBLIC, "", "" + NOW, "5000");

    assertThat(badKey.failure()).isEqualTo(Failure.MALFORMED_HEADERS);
    assertThat(badKey.message()).isEqualTo("Invalid verifying key (signature[0])");
    assertThat(badTime.message()).isEqualTo("Invalid timestamp (signature[2])");
    assertThat(noSig.failure()).isEqualTo(Failure.MISSING_HEADERS);
    assertThat(noSig.message()).isEqualTo("Missing signature (signature[1])");
  }
}
