package dev.bpx.auth;

import dev.bpx.auth.VerificationResult.Failure;
import java.nio.charset.StandardCharsets;
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
 * <p>Signatures are checked with BouncyCastle's RFC 8032 code when {@code bcprov} is on the class path
 * and with the JDK's {@code Ed25519} provider otherwise; both reject the same malleable signatures
 * (S &ge; L, RFC 8032 section 5.1.7).
 *
 * <p>Thread-safe. {@link #verify} never throws for bad input.
 */
public final class SignatureVerifier {
  private static final int SIGNATURE_LENGTH = 64;
  /** The instruction a private WebSocket subscription signs. */
  private static final String SUBSCRIBE = "subscribe";
  /** Decoded keys kept; an exchange sees few distinct API keys, and the cap bounds a flood of new ones. */
  private static final int MAX_CACHED_KEYS = 1024;

  private final Clock clock;
  private final Ed25519Engine engine;
  // Decoding a key costs a point decompression (or a KeyFactory lookup) per request; the cache is
  // keyed by the header text.
  private final java.util.concurrent.ConcurrentHashMap<String, Ed25519Engine.Verifier> keys =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Creates a verifier that judges freshness by {@code clock}. */
  public SignatureVerifier(Clock clock) {
    this(clock, Ed25519Engine.chosen());
  }

  /** A verifier on a given engine: for tests that compare the engines. */
  SignatureVerifier(Clock clock, Ed25519Engine engine) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /** {@return whether {@code request} is authentic and fresh, and if not, why} */
  public VerificationResult verify(SignedRequest request) {
    String apiKey = request.apiKeyHeader();
    Optional<String> instruction = Instructions.forRequest(request.method(), request.path());
    if (instruction.isEmpty()) {
      return VerificationResult.fail(Failure.UNKNOWN_INSTRUCTION, "Not a signed endpoint", apiKey);
    }
    Credentials c = credentials(apiKey, request.signatureHeader(), request.timestampHeader(), request.windowHeader());
    if (c.failure != null) {
      return c.failure;
    }
    List<String> candidates;
    try {
      candidates = signingStrings(request, instruction.get(), c.timestamp, c.window);
    } catch (IllegalArgumentException e) {
      return VerificationResult.fail(Failure.MALFORMED_BODY, "Invalid request body", apiKey);
    }
    for (String candidate : candidates) {
      if (verifies(c.publicKey, candidate, c.signature)) {
        return VerificationResult.ok(apiKey);
      }
    }
    return VerificationResult.fail(Failure.BAD_SIGNATURE, "Invalid signature", apiKey);
  }

  /**
   * {@return whether a private WebSocket subscription is authentic and fresh, and if not, why}
   *
   * <p>The four values are the subscribe frame's {@code signature} array as sent: {@code [verifying
   * key (base64), signature (base64), timestamp (ms), window (ms)]}. The signed text is
   * {@code instruction=subscribe&timestamp=<ms>&window=<ms>} (AsyncAPI {@code SubscribeRequest},
   * {@code backpack-api.md} 1.5); the key, timestamp and window rules are those of REST. A null or blank
   * window means the REST default, 5000 ms. Failure messages name the array element, not an HTTP
   * header. Never throws for bad input.
   */
  public VerificationResult verifySubscribe(
      String verifyingKey, String signatureBase64, String timestampMillis, String windowMillis) {
    Credentials c = credentials(verifyingKey, signatureBase64, timestampMillis, windowMillis);
    if (c.failure != null) {
      VerificationResult f = c.failure;
      return VerificationResult.fail(f.failure(), subscribeMessage(f.message()), verifyingKey);
    }
    String signingString = SigningString.of(SUBSCRIBE, Map.of(), c.timestamp, c.window);
    return verifies(c.publicKey, signingString, c.signature)
        ? VerificationResult.ok(verifyingKey)
        : VerificationResult.fail(Failure.BAD_SIGNATURE, "Invalid signature", verifyingKey);
  }

  /** REST's messages name headers; a subscribe frame has an array, so name its element instead. */
  private static String subscribeMessage(String restMessage) {
    return restMessage
        .replace("X-API-Key header", "verifying key (signature[0])")
        .replace("X-Signature header", "signature (signature[1])")
        .replace("X-Timestamp header", "timestamp (signature[2])")
        .replace("X-Window header", "window (signature[3])");
  }

  /** The four signed values, decoded and checked; or the first failure found. */
  private record Credentials(
      VerificationResult failure, Ed25519Engine.Verifier publicKey, byte[] signature, long timestamp, long window) {
  }

  private static Credentials failed(Failure failure, String message, String apiKey) {
    return new Credentials(VerificationResult.fail(failure, message, apiKey), null, null, 0, 0);
  }

  private Credentials credentials(
      String apiKey, String signatureHeader, String timestampHeader, String windowHeader) {
    if (isBlank(apiKey)) {
      return failed(Failure.MISSING_HEADERS, "Missing X-API-Key header", apiKey);
    }
    if (isBlank(signatureHeader)) {
      return failed(Failure.MISSING_HEADERS, "Missing X-Signature header", apiKey);
    }
    if (isBlank(timestampHeader)) {
      return failed(Failure.MISSING_HEADERS, "Missing X-Timestamp header", apiKey);
    }

    Ed25519Engine.Verifier publicKey = publicKey(apiKey);
    if (publicKey == null) {
      return failed(Failure.MALFORMED_HEADERS, "Invalid X-API-Key header", apiKey);
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(signatureHeader.strip());
    } catch (IllegalArgumentException e) {
      signature = null;
    }
    if (signature == null || signature.length != SIGNATURE_LENGTH) {
      return failed(Failure.MALFORMED_HEADERS, "Invalid X-Signature header", apiKey);
    }
    long timestamp;
    long window;
    try {
      timestamp = Long.parseLong(timestampHeader.strip());
    } catch (NumberFormatException e) {
      return failed(Failure.MALFORMED_HEADERS, "Invalid X-Timestamp header", apiKey);
    }
    try {
      window =
          isBlank(windowHeader)
              ? SigningString.DEFAULT_WINDOW_MILLIS
              : Long.parseLong(windowHeader.strip());
    } catch (NumberFormatException e) {
      return failed(Failure.MALFORMED_HEADERS, "Invalid X-Window header", apiKey);
    }
    if (window <= 0) {
      return failed(Failure.MALFORMED_HEADERS, "Invalid X-Window header", apiKey);
    }
    if (window > SigningString.MAX_WINDOW_MILLIS) {
      return failed(
          Failure.WINDOW_TOO_LARGE,
          "Invalid X-Window header: the window must be at most " + SigningString.MAX_WINDOW_MILLIS + " ms",
          apiKey);
    }
    long now = clock.millis();
    if (now - timestamp > window) {
      return failed(Failure.EXPIRED, "Request has expired", apiKey);
    }
    if (timestamp - now > window) {
      return failed(
          Failure.EXPIRED, "Request timestamp is too far in the future: check the clock", apiKey);
    }
    return new Credentials(null, publicKey, signature, timestamp, window);
  }

  /** {@return the decoded key of an {@code X-API-Key} header, or null when it is not one} */
  private Ed25519Engine.Verifier publicKey(String header) {
    Ed25519Engine.Verifier cached = keys.get(header);
    if (cached != null) {
      return cached;
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(header.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (raw.length != Ed25519Keys.KEY_LENGTH) {
      return null;
    }
    Ed25519Engine.Verifier key = engine.verifier(raw);
    if (key == null) {
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

  private static boolean verifies(Ed25519Engine.Verifier key, String signingString, byte[] signature) {
    return key.verify(signingString.getBytes(StandardCharsets.UTF_8), signature);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
