package dev.bpx.auth;

/**
 * The verdict of {@link SignatureVerifier}: valid, or the reason it is not, with the message Backpack
 * answers for that reason.
 *
 * <p>Thread-safe (immutable).
 *
 * @param failure why the request is rejected, or null when it is valid
 * @param message Backpack's error message for the failure (e.g. {@code "Invalid signature"}), null when valid
 * @param apiKey the {@code X-API-Key} header as sent (the account to act for), possibly null
 */
public record VerificationResult(Failure failure, String message, String apiKey) {

  /** Why a signed request is rejected. */
  public enum Failure {
    /** One of {@code X-API-Key}, {@code X-Signature}, {@code X-Timestamp} is absent. */
    MISSING_HEADERS,
    /** A header is present but not well-formed (not base64 of the right length, not a number). */
    MALFORMED_HEADERS,
    /** The method and path are not a signed endpoint. */
    UNKNOWN_INSTRUCTION,
    /** {@code X-Window} is above 60000 ms. */
    WINDOW_TOO_LARGE,
    /** The timestamp is outside {@code [now - window, now + window]}. */
    EXPIRED,
    /** The body is not the JSON the endpoint signs. */
    MALFORMED_BODY,
    /** The signature does not verify with the public key. */
    BAD_SIGNATURE
  }

  static VerificationResult ok(String apiKey) {
    return new VerificationResult(null, null, apiKey);
  }

  static VerificationResult fail(Failure failure, String message, String apiKey) {
    return new VerificationResult(failure, message, apiKey);
  }

  /** {@return whether the request is authentic and fresh} */
  public boolean valid() {
    return failure == null;
  }

  @Override
  public String toString() {
    return valid() ? "VerificationResult[valid]" : "VerificationResult[" + failure + ": " + message + "]";
  }
}
