package dev.bpx.auth;

/**
 * A request as it reached a server, for {@link SignatureVerifier}: the raw header values (null when a
 * header is absent) and the raw query and body.
 *
 * <p>{@link #toString()} leaves out the key, the signature and the body. Thread-safe (immutable).
 *
 * @param method HTTP method
 * @param path path without query string
 * @param rawQuery query string as sent (percent-encoded), or null
 * @param body request body text, or null / empty
 */
public record SignedRequest(
    String method,
    String path,
    String rawQuery,
    String body,
    String apiKeyHeader,
    String signatureHeader,
    String timestampHeader,
    String windowHeader) {

  @Override
  public String toString() {
    return "SignedRequest[" + method + " " + path + "]";
  }
}
