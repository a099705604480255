package dev.bpx.auth;

import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 through BouncyCastle's low-level RFC 8032 code ({@code org.bouncycastle.math.ec.rfc8032}),
 * not its JCA provider: no provider registration, no key objects, the public key computed once per
 * key and decoded once per verifying key. Loaded only when {@code bcprov} is on the class path.
 */
final class BcEd25519Engine extends Ed25519Engine {
  private BcEd25519Engine() {}

  /**
   * {@return the engine if bcprov is usable: its Ed25519 reproduces RFC 8032's TEST 1, or else null}
   *
   * @throws LinkageError when bcprov is absent, too old to have the API used here, or missing a class
   *     (a trimmed copy)
   */
  static BcEd25519Engine createTested() {
    // Runs every BouncyCastle path this class uses (key derivation, signing, point decoding,
    // verification) once, so a missing, incomplete or broken bcprov shows here, inside the engine
    // choice, rather than at a caller's first signature. It costs nothing extra: the precomputed
    // tables it builds are the ones the first signature would build.
    BcEd25519Engine engine = new BcEd25519Engine();
    HexFormat hex = HexFormat.of();
    Signer signer = engine.signer(hex.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    byte[] signature = signer.sign(new byte[0]);
    boolean known = hex.formatHex(signer.publicKey())
            .equals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        && hex.formatHex(signature).equals("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065"
            + "224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
        && engine.verifier(signer.publicKey()).verify(new byte[0], signature);
    return known ? engine : null;
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

  private static final class BcSigner extends Signer {
    private final byte[] seed;

    BcSigner(byte[] seed, byte[] publicKey) {
      super(publicKey);
      this.seed = seed;
    }

    @Override
    byte[] sign(byte[] message) {
      byte[] signature = new byte[SIGNATURE_LENGTH];
      // The public key is passed in so it is not recomputed from the seed for every signature.
      Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
      return signature;
    }

    @Override
    byte[] seed() {
      return Arrays.copyOf(seed, seed.length);
    }
  }
}
