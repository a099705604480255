package dev.bpx.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signs Backpack requests: builds the signing string ({@link SigningString}), signs it with the
 * account's key and returns the {@code X-*} headers.
 *
 * <pre>{@code
 * RequestSigner signer = new RequestSigner(SigningKey.fromBase64(secret));
 * SignedHeaders headers = signer.sign("orderExecute", params, clock.millis(), 5000);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class RequestSigner {
  private final SigningKey key;

  /** Creates a signer for one account key. */
  public RequestSigner(SigningKey key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  /**
   * {@return the headers for one request}
   *
   * @param params query parameters (GET) or top-level body fields (POST, DELETE, PATCH) as signing text
   * @throws IllegalArgumentException if the timestamp is not positive or the window is outside 1..60000
   */
  public SignedHeaders sign(
      String instruction, Map<String, String> params, long timestampMillis, long windowMillis) {
    checkTiming(timestampMillis, windowMillis);
    return headers(SigningString.of(instruction, params, timestampMillis, windowMillis), timestampMillis, windowMillis);
  }

  /**
   * {@return the headers for a batch request, one signing segment per item in list order}
   *
   * @throws IllegalArgumentException if {@code items} is empty, or the timing is invalid
   */
  public SignedHeaders signBatch(
      String instruction, List<Map<String, String>> items, long timestampMillis, long windowMillis) {
    checkTiming(timestampMillis, windowMillis);
    return headers(SigningString.ofBatch(instruction, items, timestampMillis, windowMillis), timestampMillis, windowMillis);
  }

  /** {@return the base64 public key this signer signs for} */
  public String publicKeyBase64() {
    return key.publicKeyBase64();
  }

  private SignedHeaders headers(String signingString, long timestampMillis, long windowMillis) {
    byte[] signature = key.sign(signingString.getBytes(StandardCharsets.UTF_8));
    return new SignedHeaders(
        key.publicKeyBase64(), Base64.getEncoder().encodeToString(signature), timestampMillis, windowMillis);
  }

  static void checkTiming(long timestampMillis, long windowMillis) {
    if (timestampMillis <= 0) {
      throw new IllegalArgumentException("timestampMillis must be positive: " + timestampMillis);
    }
    if (windowMillis <= 0 || windowMillis > SigningString.MAX_WINDOW_MILLIS) {
      throw new IllegalArgumentException(
          "windowMillis must be between 1 and " + SigningString.MAX_WINDOW_MILLIS + ": " + windowMillis);
    }
  }

  @Override
  public String toString() {
    return "RequestSigner[ed25519]";
  }
}
