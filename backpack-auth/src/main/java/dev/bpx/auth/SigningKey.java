package dev.bpx.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A Backpack API key pair: the ED25519 private key ("API secret") and the public key that Backpack
 * calls the API key.
 *
 * <p>Backpack's secret is the standard base64 of the 32-byte ED25519 seed. The 64-byte
 * {@code seed ‖ public key} form (as some tools export it, and as ccxt accepts) is accepted too; its
 * second half must then match the key derived from the seed.
 *
 * <p>No method, message or {@link #toString()} of this class reveals key material, except
 * {@link #exportPrivateKeyBase64()}, which exists to show a freshly generated paper-trading key to
 * its owner.
 *
 * <p>Signing uses BouncyCastle's RFC 8032 code when {@code bcprov} is on the class path and the JDK's
 * {@code Ed25519} provider otherwise; the signatures are the same (README, "Signing speed").
 *
 * <p>Thread-safe.
 */
public final class SigningKey {
  private final Ed25519Engine.Signer signer;
  private final byte[] publicKey;
  private final String publicKeyBase64;

  private SigningKey(Ed25519Engine.Signer signer) {
    this.signer = signer;
    this.publicKey = signer.publicKey();
    this.publicKeyBase64 = Base64.getEncoder().encodeToString(publicKey);
  }

  /**
   * Loads a private key given as Backpack shows it: standard base64 of the 32-byte ED25519 seed (or
   * of the 64-byte seed followed by its public key).
   *
   * @throws KeyFormatException if the text is not base64 of 32 or 64 bytes, or if the 64-byte form's
   *     public half does not belong to its seed
   */
  public static SigningKey fromBase64(String privateKeyBase64) {
    if (privateKeyBase64 == null || privateKeyBase64.isBlank()) {
      throw new KeyFormatException(
          "BACKPACK_PRIVATE_KEY is empty: set it to the base64 API secret shown when the key was created");
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(privateKeyBase64.strip());
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException(
          "BACKPACK_PRIVATE_KEY is not valid base64: paste the API secret exactly as Backpack shows it"
              + " (44 characters ending in '=')");
    }
    try {
      if (decoded.length == Ed25519Keys.KEY_LENGTH) {
        return fromSeed(decoded);
      }
      if (decoded.length == 2 * Ed25519Keys.KEY_LENGTH) {
        SigningKey key = fromSeed(Arrays.copyOf(decoded, Ed25519Keys.KEY_LENGTH));
        byte[] givenPublic = Arrays.copyOfRange(decoded, Ed25519Keys.KEY_LENGTH, decoded.length);
        if (!Arrays.equals(givenPublic, key.publicKey)) {
          throw new KeyFormatException(
              "BACKPACK_PRIVATE_KEY has 64 bytes but its second half is not the public key of its first"
                  + " half: use the 32-byte base64 secret from Backpack");
        }
        return key;
      }
      throw new KeyFormatException(
          "BACKPACK_PRIVATE_KEY decodes to "
              + decoded.length
              + " bytes; an ED25519 secret is 32 bytes (or 64 bytes: seed followed by public key)");
    } finally {
      Arrays.fill(decoded, (byte) 0);
    }
  }

  /**
   * Loads a private key and checks that {@code expectedPublicKeyBase64} (Backpack's "API key") belongs
   * to it. A blank expected key skips the check.
   *
   * @throws KeyFormatException if the private key is malformed or the public key does not match it
   */
  public static SigningKey fromBase64(String privateKeyBase64, String expectedPublicKeyBase64) {
    SigningKey key = fromBase64(privateKeyBase64);
    if (expectedPublicKeyBase64 != null && !expectedPublicKeyBase64.isBlank()) {
      if (!key.publicKeyBase64.equals(expectedPublicKeyBase64.strip())) {
        throw new KeyFormatException(
            "BACKPACK_PUBLIC_KEY does not belong to BACKPACK_PRIVATE_KEY: check that both come from the"
                + " same API key, or leave BACKPACK_PUBLIC_KEY unset to derive it from the private key");
      }
    }
    return key;
  }

  /** Generates a new random key pair, for the paper exchange and for tests. */
  public static SigningKey generate() {
    byte[] seed = new byte[Ed25519Keys.KEY_LENGTH];
    new SecureRandom().nextBytes(seed);
    try {
      return fromSeed(seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private static SigningKey fromSeed(byte[] seed) {
    return fromSeed(seed, Ed25519Engine.chosen());
  }

  /** The key of a 32-byte seed, signing with {@code engine}: for tests that compare the engines. */
  static SigningKey fromSeed(byte[] seed, Ed25519Engine engine) {
    return new SigningKey(engine.signer(seed));
  }

  /** {@return the standard base64 of the 32-byte public key: the value of the {@code X-API-Key} header} */
  public String publicKeyBase64() {
    return publicKeyBase64;
  }

  /** {@return a copy of the raw 32-byte public key} */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /**
   * Returns the base64 32-byte seed. Only for showing a freshly generated paper-exchange key to its
   * owner; never log it.
   */
  public String exportPrivateKeyBase64() {
    byte[] seed = signer.seed();
    try {
      return Base64.getEncoder().encodeToString(seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** Signs {@code message} with pure Ed25519 (RFC 8032) and returns the 64-byte signature. */
  public byte[] sign(byte[] message) {
    return signer.sign(message);
  }

  /** Signs the UTF-8 bytes of {@code text} and returns the signature as standard base64. */
  public String signBase64(String text) {
    return Base64.getEncoder().encodeToString(sign(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Never shows key material. */
  @Override
  public String toString() {
    return "SigningKey[ed25519]";
  }
}
