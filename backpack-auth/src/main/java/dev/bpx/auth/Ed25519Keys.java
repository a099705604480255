package dev.bpx.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Raw 32-byte Ed25519 keys to and from the JDK's key objects (JDK 15+ "Ed25519" provider).
 *
 * <p>The JDK has no public API that derives the public key from a seed, so {@link #derive} feeds the
 * seed to the key-pair generator as its only source of randomness: RFC 8032 key generation takes
 * exactly 32 random bytes as the private key, so the generated pair is the pair of that seed. The
 * RFC 8032 test vectors in the tests pin this down.
 */
final class Ed25519Keys {
  static final int KEY_LENGTH = 32;

  /** DER prefix of an X.509 SubjectPublicKeyInfo holding a raw Ed25519 public key (RFC 8410). */
  private static final byte[] X509_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private Ed25519Keys() {}

  static KeyPair derive(byte[] seed) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
      KeyPair pair = generator.generateKeyPair();
      // Use the canonical private-key object built from the seed itself for signing.
      PrivateKey privateKey =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
      return new KeyPair(pair.getPublic(), privateKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519 provider (JDK 15 or newer is required)", e);
    }
  }

  static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
    if (raw.length != KEY_LENGTH) {
      throw new GeneralSecurityException("public key must be 32 bytes");
    }
    byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_LENGTH);
    System.arraycopy(raw, 0, encoded, X509_PREFIX.length, KEY_LENGTH);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
  }

  static byte[] rawPublicKey(PublicKey key) {
    byte[] encoded = key.getEncoded();
    return Arrays.copyOfRange(encoded, encoded.length - KEY_LENGTH, encoded.length);
  }

  /** A SecureRandom that yields the given seed once, then fails loudly if asked for more. */
  private static final class SeedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;
    private boolean used;

    SeedRandom(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
      if (used || bytes.length != seed.length) {
        throw new IllegalStateException("unexpected use of the key-derivation random source");
      }
      System.arraycopy(seed, 0, bytes, 0, seed.length);
      Arrays.fill(seed, (byte) 0);
      used = true;
    }
  }
}
