package dev.bpx.auth;

/**
 * The Ed25519 (RFC 8032, pure) implementation behind {@link SigningKey} and {@link SignatureVerifier}:
 * BouncyCastle's low-level RFC 8032 code when {@code bcprov} is on the class path, the JDK's
 * {@code Ed25519} provider otherwise. Both give the same signatures (Ed25519 is deterministic) and
 * reject the same malleable ones (S &ge; L); the tests run every check against both. They differ on
 * one input only: the small-order all-zero public key, which BouncyCastle refuses (Ed25519EnginesTest).
 *
 * <p>Why BouncyCastle when present: measured with {@code Ed25519Benchmark} it signs 12 to 19 times and
 * verifies 8 to 14 times faster than the JDK's provider on JDK 17 and 25, under C1 only (the MCP
 * launcher's JIT) and under C2, and signing was two thirds of the MCP server's CPU. Why optional: this module stays
 * dependency-free for library users who do not want a 7 MB crypto jar; the server modules declare it
 * and ship the part of it this engine reaches (README, "Signing speed").
 *
 * <p>{@code -Ddev.bpx.auth.ed25519=jdk} forces the JDK's provider even when BouncyCastle is present:
 * a switch for operators should a BouncyCastle release misbehave, read once.
 */
abstract class Ed25519Engine {
  /** The system property that forces the JDK's provider. */
  static final String PROPERTY = "dev.bpx.auth.ed25519";
  /** The length of every Ed25519 signature (RFC 8032): both engines refuse other lengths before verifying. */
  static final int SIGNATURE_LENGTH = 64;

  private static final Ed25519Engine CHOSEN = choose(System.getProperty(PROPERTY, ""));

  /** {@return the engine every signing key and verifier uses} */
  static Ed25519Engine chosen() {
    return CHOSEN;
  }

  /**
   * {@return the JDK's provider when {@code setting} is "jdk"; otherwise BouncyCastle's engine if bcprov
   * is present, complete and passes its known-answer test, else the JDK's provider}
   */
  static Ed25519Engine choose(String setting) {
    if ("jdk".equals(setting)) {
      return JdkEd25519Engine.INSTANCE;
    }
    try {
      Ed25519Engine bouncyCastle = BcEd25519Engine.createTested();
      if (bouncyCastle != null) {
        return bouncyCastle;
      }
    } catch (LinkageError absentOrIncomplete) {
      // No bcprov on the class path, or one without the RFC 8032 API or classes used here.
    }
    return JdkEd25519Engine.INSTANCE;
  }

  /** {@return "bouncycastle" or "jdk"} */
  abstract String name();

  /**
   * {@return a signer for the 32-byte {@code seed}} The seed is copied; the caller may wipe its array.
   */
  abstract Signer signer(byte[] seed);

  /**
   * {@return a verifier for a raw 32-byte public key, or null when the engine refuses the bytes as a
   * key} The JDK's key factory takes any 32 bytes and only its {@code Signature} finds that they are no
   * curve point; so such a key gives a verifier that accepts nothing, on both engines.
   */
  abstract Verifier verifier(byte[] publicKey);

  /**
   * A private key ready to sign. Thread-safe. Both engines derive the public key once, when the signer is
   * made, and hand out copies of it; only signing and the seed's form are theirs.
   */
  abstract static class Signer {
    /** The raw public key; the engines sign with it, callers get copies. */
    final byte[] publicKey;

    /** @param publicKey the raw 32-byte public key of the seed, owned by the signer from now on */
    Signer(byte[] publicKey) {
      this.publicKey = publicKey;
    }

    /** {@return the raw 32-byte public key of the seed} */
    final byte[] publicKey() {
      return publicKey.clone();
    }

    /** {@return the 64-byte signature of {@code message}} */
    abstract byte[] sign(byte[] message);

    /** {@return a copy of the 32-byte seed; the caller wipes it} */
    abstract byte[] seed();
  }

  /** A public key ready to verify. Thread-safe. */
  interface Verifier {
    /** {@return whether {@code signature} is a valid signature of {@code message}; never throws} */
    boolean verify(byte[] message, byte[] signature);
  }
}
