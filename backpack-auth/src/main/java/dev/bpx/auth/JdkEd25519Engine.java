package dev.bpx.auth;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;

/** Ed25519 through the JDK's {@code Ed25519} provider (JDK 15+): no dependency. */
final class JdkEd25519Engine extends Ed25519Engine {
  static final JdkEd25519Engine INSTANCE = new JdkEd25519Engine();

  private JdkEd25519Engine() {}

  @Override
  String name() {
    return "jdk";
  }

  @Override
  Signer signer(byte[] seed) {
    KeyPair pair = Ed25519Keys.derive(seed);
    return new JdkSigner(pair.getPrivate(), Ed25519Keys.rawPublicKey(pair.getPublic()));
  }

  @Override
  Verifier verifier(byte[] publicKey) {
    PublicKey key;
    try {
      key = Ed25519Keys.publicKey(publicKey);
    } catch (GeneralSecurityException e) {
      return null; // the KeyFactory refuses it (it accepts any 32 bytes in practice)
    }
    return (message, signature) -> {
      if (signature.length != SIGNATURE_LENGTH) {
        return false; // the JDK's Signature ignores bytes after the 64th (seen on JDK 17)
      }
      try {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
      } catch (GeneralSecurityException e) {
        // InvalidKeyException: the 32 bytes are no curve point; SignatureException: malformed signature.
        return false;
      }
    };
  }

  private static final class JdkSigner extends Signer {
    private final PrivateKey privateKey;

    JdkSigner(PrivateKey privateKey, byte[] publicKey) {
      super(publicKey);
      this.privateKey = privateKey;
    }

    @Override
    byte[] sign(byte[] message) {
      try {
        // Signature objects are stateful and not thread-safe; one per call keeps the signer shareable.
        // A per-thread cached one was measured too (Ed25519Benchmark): no gain beyond the noise.
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(privateKey);
        signature.update(message);
        return signature.sign();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Ed25519 signing failed", e);
      }
    }

    @Override
    byte[] seed() {
      return ((EdECPrivateKey) privateKey).getBytes().orElseThrow();
    }
  }
}
