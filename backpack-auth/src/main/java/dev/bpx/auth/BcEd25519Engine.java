package dev.bpx.auth;

import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 through BouncyCastle's low-level RFC 8032 code ({@code org.bouncycastle.math.ec.rfc8032}),
 * not its JCA provider: no provider registration, no key objects, the public key computed once per
 * key and decoded once per verifying key. Loaded only when {@code bcprov} is on the class path.
 */
final class BcEd25519Engine extends Ed25519Engine {
  private static final int SIGNATURE_LENGTH = 64;

  private BcEd25519Engine() {}

  /**
   * {@return the engine}
   *
   * @throws LinkageError when bcprov is absent, or too old to have the API used here
   */
  static BcEd25519Engine create() {
    // Links every BouncyCastle method this class calls, so a missing or older bcprov fails here,
    // once, rather than at the first signature.
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(new byte[Ed25519.PUBLIC_KEY_SIZE], 0);
    if (point != null) {
      Ed25519.verify(new byte[SIGNATURE_LENGTH], 0, point, new byte[0], 0, 0);
    }
    return new BcEd25519Engine();
  }

  @Override
  String name() {
    return "bouncycastle";
  }

  @Override
  Signer signer(byte[] seed) {
    if (seed.length != Ed25519.SECRET_KEY_SIZE) {
      throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
    }
    byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(seed, 0, publicKey, 0);
    return new BcSigner(seed.clone(), publicKey);
  }

  @Override
  Verifier verifier(byte[] publicKey) {
    if (publicKey.length != Ed25519.PUBLIC_KEY_SIZE) {
      return (message, signature) -> false;
    }
    // Partial validation: the point decodes and is on the curve. Small-order points are not refused
    // here, as the JDK does not refuse them either; RFC 8032 verification decides.
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(publicKey, 0);
    if (point == null) {
      return (message, signature) -> false;
    }
    return (message, signature) ->
        signature.length == SIGNATURE_LENGTH
            && Ed25519.verify(signature, 0, point, message, 0, message.length);
  }

  private static final class BcSigner implements Signer {
    private final byte[] seed;
    private final byte[] publicKey;

    BcSigner(byte[] seed, byte[] publicKey) {
      this.seed = seed;
      this.publicKey = publicKey;
    }

    @Override
    public byte[] publicKey() {
      return publicKey.clone();
    }

    @Override
    public byte[] sign(byte[] message) {
      byte[] signature = new byte[SIGNATURE_LENGTH];
      // The public key is passed in so it is not recomputed from the seed for every signature.
      Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
      return signature;
    }

    @Override
    public byte[] seed() {
      return Arrays.copyOf(seed, seed.length);
    }
  }
}
