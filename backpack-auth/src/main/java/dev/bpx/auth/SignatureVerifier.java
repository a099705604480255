package dev.bpx.auth;

import dev.bpx.auth.VerificationResult.Failure;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks a signed request the way Backpack does: the headers are present and well-formed, the window
 * is at most 60000 ms, the timestamp is fresh, and the ED25519 signature of the signing string
 * verifies with the {@code X-API-Key} public key. The paper exchange uses it for every signed call.
 *
 * <p>A timestamp is fresh when it lies within {@code window} of the server clock on either side
 * (Backpack rejects {@code now > timestamp + window}; a symmetric bound on the future side is our
 * choice, as the real rule there is unconfirmed).
 *
 * <p>Query strings are verified with percent-decoded values, as the official client signs them; when
 * that fails, the raw encoded values (as URL-encoding clients such as ccxt sign them) are tried too.
 *
 * <p>Thread-safe. {@link #verify} never throws for bad input.
 */
public final class SignatureVerifier {
  private static final int SIGNATURE_LENGTH = 64;
  /** Decoded keys kept; an exchange sees few distinct API keys, and the cap bounds a flood of new ones. */
  private static final int MAX_CACHED_KEYS = 1024;

  private final Clock clock;
  // Decoding a key costs a KeyFactory lookup per request; the cache is keyed by the header text.
  private final java.util.concurrent.ConcurrentHashMap<String, PublicKey> keys = new java.util.concurrent.ConcurrentHashMap<>();

  /** Creates a verifier that judges freshness by {@code clock}. */
  public SignatureVerifier(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** {@return whether {@code request} is authentic and fresh, and if not, why} */
  public VerificationResult verify(SignedRequest request) {
    String apiKey = request.apiKeyHeader();
    Optional<String> instruction = Instructions.forRequest(request.method(), request.path());
    if (instruction.isEmpty()) {
      return VerificationResult.fail(Failure.UNKNOWN_INSTRUCTION, "Not a signed endpoint", apiKey);
    }
    if (isBlank(apiKey)) {
      return VerificationResult.fail(Failure.MISSING_HEADERS, "Missing X-API-Key header", apiKey);
    }
    if (isBlank(request.signatureHeader())) {
      return VerificationResult.fail(Failure.MISSING_HEADERS, "Missing X-Signature header", apiKey);
    }
    if (isBlank(request.timestampHeader())) {
      return VerificationResult.fail(Failure.MISSING_HEADERS, "Missing X-Timestamp header", apiKey);
    }

    PublicKey publicKey = publicKey(apiKey);
    if (publicKey == null) {
      return VerificationResult.fail(Failure.MALFORMED_HEADERS, "Invalid X-API-Key header", apiKey);
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(request.signatureHeader().strip());
    } catch (IllegalArgumentException e) {
      signature = null;
    }
    if (signature == null || signature.length != SIGNATURE_LENGTH) {
      return VerificationResult.fail(Failure.MALFORMED_HEADERS, "Invalid X-Signature header", apiKey);
    }
    long timestamp;
    long window;
    try {
      timestamp = Long.parseLong(request.timestampHeader().strip());
    } catch (NumberFormatException e) {
      return VerificationResult.fail(Failure.MALFORMED_HEADERS, "Invalid X-Timestamp header", apiKey);
    }
    try {
      window =
          isBlank(request.windowHeader())
              ? SigningString.DEFAULT_WINDOW_MILLIS
              : Long.parseLong(request.windowHeader().strip());
    } catch (NumberFormatException e) {
      return VerificationResult.fail(Failure.MALFORMED_HEADERS, "Invalid X-Window header", apiKey);
    }
    if (window <= 0) {
      return VerificationResult.fail(Failure.MALFORMED_HEADERS, "Invalid X-Window header", apiKey);
    }
    if (window > SigningString.MAX_WINDOW_MILLIS) {
      return VerificationResult.fail(
          Failure.WINDOW_TOO_LARGE,
          "Invalid X-Window header: the window must be at most " + SigningString.MAX_WINDOW_MILLIS + " ms",
          apiKey);
    }
    long now = clock.millis();
    if (now - timestamp > window) {
      return VerificationResult.fail(Failure.EXPIRED, "Request has expired", apiKey);
    }
    if (timestamp - now > window) {
      return VerificationResult.fail(
          Failure.EXPIRED, "Request timestamp is too far in the future: check the clock", apiKey);
    }

    List<String> candidates;
    try {
      candidates = signingStrings(request, instruction.get(), timestamp, window);
    } catch (IllegalArgumentException e) {
      return VerificationResult.fail(Failure.MALFORMED_BODY, "Invalid request body", apiKey);
    }
    for (String candidate : candidates) {
      if (verifies(publicKey, candidate, signature)) {
        return VerificationResult.ok(apiKey);
      }
    }
    return VerificationResult.fail(Failure.BAD_SIGNATURE, "Invalid signature", apiKey);
  }

  /** {@return the decoded key of an {@code X-API-Key} header, or null when it is not one} */
  private PublicKey publicKey(String header) {
    PublicKey cached = keys.get(header);
    if (cached != null) {
      return cached;
    }
    PublicKey key;
    try {
      key = Ed25519Keys.publicKey(Base64.getDecoder().decode(header.strip()));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return null;
    }
    if (keys.size() >= MAX_CACHED_KEYS) {
      keys.clear();
    }
    keys.put(header, key);
    return key;
  }

  private static List<String> signingStrings(
      SignedRequest request, String instruction, long timestamp, long window) {
    String body = request.body();
    if (!isBlank(body)) {
      if (Instructions.isBatch(request.method(), request.path())) {
        return List.of(
            SigningString.ofBatch(instruction, SigningParams.fromJsonArray(body), timestamp, window));
      }
      return List.of(SigningString.of(instruction, SigningParams.fromJsonObject(body), timestamp, window));
    }
    String decoded = SigningString.of(instruction, SigningParams.fromQuery(request.rawQuery()), timestamp, window);
    if (request.rawQuery() == null || request.rawQuery().indexOf('%') < 0 && request.rawQuery().indexOf('+') < 0) {
      return List.of(decoded);
    }
    return List.of(decoded, SigningString.of(instruction, rawQueryParams(request.rawQuery()), timestamp, window));
  }

  private static Map<String, String> rawQueryParams(String rawQuery) {
    Map<String, String> params = new TreeMap<>();
    for (String pair : rawQuery.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    return params;
  }

  private static boolean verifies(PublicKey key, String signingString, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(signingString.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
