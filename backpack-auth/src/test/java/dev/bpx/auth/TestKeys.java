package dev.bpx.auth;

/**
 * A fixed key whose expected signatures were computed independently with Python's
 * {@code cryptography} package (OpenSSL's Ed25519), so the known answers do not come from the code
 * under test.
 */
final class TestKeys {
  /** base64 of the bytes 1..32. */
  static final String SEED = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

  static final String PUBLIC = "ebVWLo/mVPlAeLES6KmLp5AfhTrmlb7X4OORC60ElmQ=";

  private TestKeys() {}

  static SigningKey key() {
    return SigningKey.fromBase64(SEED);
  }
}
