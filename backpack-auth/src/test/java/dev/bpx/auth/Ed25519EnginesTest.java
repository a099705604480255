package dev.bpx.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * BouncyCastle's engine and the JDK's side by side: what one signs the other verifies, what is
 * tampered with neither accepts, malleable signatures (S &ge; L) are refused by both exactly as the
 * JDK's own {@code Signature} refuses them, and the key handling agrees.
 */
class Ed25519EnginesTest {
  /** The order of the base point, RFC 8032 section 5.1: 2^252 + 27742317777372353535851937790883648493. */
  private static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

  private static final byte[] MESSAGE =
      ("instruction=orderExecute&clientId=1001&orderType=Limit&postOnly=true&price=180.50"
              + "&quantity=1.5&side=Bid&symbol=SOL_USDC&timestamp=1735689600000&window=5000")
          .getBytes(StandardCharsets.UTF_8);

  private final Ed25519Engine bc = Engines.all().get(0);
  private final Ed25519Engine jdk = Engines.all().get(1);

  @Test
  void theChosenEngineIsBouncyCastleUnlessForcedOntoTheJdk() {
    String forced = System.getProperty(Ed25519Engine.PROPERTY, "");

    assertThat(Ed25519Engine.chosen().name()).isEqualTo(forced.equals("jdk") ? "jdk" : "bouncycastle");
    assertThat(Ed25519Engine.choose("jdk")).isSameAs(JdkEd25519Engine.INSTANCE);
  }

  @Test
  void whatOneEngineSignsTheOtherVerifiesAndBothSignAlike() {
    Random random = new Random(8032);
    for (int i = 0; i < 50; i++) {
      byte[] seed = new byte[32];
      random.nextBytes(seed);
      byte[] message = new byte[random.nextInt(300)];
      random.nextBytes(message);
      Ed25519Engine.Signer bcSigner = bc.signer(seed);
      Ed25519Engine.Signer jdkSigner = jdk.signer(seed);

      assertThat(bcSigner.publicKey()).isEqualTo(jdkSigner.publicKey());
      byte[] bcSignature = bcSigner.sign(message);
      byte[] jdkSignature = jdkSigner.sign(message);
      assertThat(bcSignature).isEqualTo(jdkSignature); // Ed25519 is deterministic
      assertThat(jdk.verifier(bcSigner.publicKey()).verify(message, bcSignature)).isTrue();
      assertThat(bc.verifier(jdkSigner.publicKey()).verify(message, jdkSignature)).isTrue();
    }
  }

  @Test
  void aTamperedSignatureOrMessageFailsWithBoth() {
    Ed25519Engine.Signer signer = bc.signer(seed(7));
    byte[] signature = signer.sign(MESSAGE);
    byte[] otherMessage = MESSAGE.clone();
    otherMessage[20] ^= 1;

    for (Ed25519Engine engine : Engines.all()) {
      Ed25519Engine.Verifier verifier = engine.verifier(signer.publicKey());
      assertThat(verifier.verify(MESSAGE, signature)).as(engine.name()).isTrue();
      assertThat(verifier.verify(otherMessage, signature)).as(engine.name() + ", message changed").isFalse();
      for (int bit : new int[] {0, 100, 255, 256, 300, 500, 511}) {
        byte[] tampered = signature.clone();
        tampered[bit / 8] ^= (byte) (1 << (bit % 8));
        assertThat(verifier.verify(MESSAGE, tampered)).as(engine.name() + ", bit " + bit).isFalse();
      }
      assertThat(verifier.verify(MESSAGE, Arrays.copyOf(signature, 63))).as(engine.name() + ", short").isFalse();
      assertThat(verifier.verify(MESSAGE, Arrays.copyOf(signature, 65))).as(engine.name() + ", long").isFalse();
      assertThat(engine.verifier(bc.signer(seed(8)).publicKey()).verify(MESSAGE, signature))
          .as(engine.name() + ", another key").isFalse();
    }
  }

  /**
   * RFC 8032 section 5.1.7: "If ... S is not in the range 0 &lt;= s &lt; L, the signature is invalid".
   * S + L is the classic malleability: it satisfies the group equation, so only the range check refuses
   * it (the check {@code net.i2p.crypto:eddsa} lacked, CVE-2020-36843).
   */
  @Test
  void malleableSignaturesWithSNotBelowLAreRefusedByBothAsByTheJdk() throws Exception {
    Ed25519Engine.Signer signer = jdk.signer(seed(9));
    byte[] signature = signer.sign(MESSAGE);
    BigInteger s = littleEndian(Arrays.copyOfRange(signature, 32, 64));
    assertThat(s).isLessThan(L);

    for (BigInteger badS : new BigInteger[] {s.add(L), L, s.add(L.shiftLeft(1)), BigInteger.ONE.shiftLeft(255).add(s)}) {
      byte[] malleable = signature.clone();
      System.arraycopy(littleEndian(badS), 0, malleable, 32, 32);

      assertThat(jdkSignatureAccepts(signer.publicKey(), MESSAGE, malleable)).as("the JDK's Signature").isFalse();
      for (Ed25519Engine engine : Engines.all()) {
        assertThat(engine.verifier(signer.publicKey()).verify(MESSAGE, malleable))
            .as(engine.name() + " with S = " + badS).isFalse();
      }
    }
    // And the untouched signature passes everywhere, so the refusals above are about S alone.
    assertThat(jdkSignatureAccepts(signer.publicKey(), MESSAGE, signature)).isTrue();
  }

  @Test
  void malleableSignatureIsRefusedBySignatureVerifierOnBothEngines() {
    SigningKey key = SigningKey.fromSeed(seed(10), jdk);
    String signing = "instruction=subscribe&timestamp=1735689600000&window=5000";
    byte[] signature = key.sign(signing.getBytes(StandardCharsets.UTF_8));
    byte[] malleable = signature.clone();
    System.arraycopy(littleEndian(littleEndian(Arrays.copyOfRange(signature, 32, 64)).add(L)), 0, malleable, 32, 32);
    java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.ofEpochMilli(1735689600000L), java.time.ZoneOffset.UTC);

    for (Ed25519Engine engine : Engines.all()) {
      SignatureVerifier verifier = new SignatureVerifier(clock, engine);
      assertThat(verifier.verifySubscribe(key.publicKeyBase64(), Base64.getEncoder().encodeToString(signature),
          "1735689600000", "5000").valid()).as(engine.name()).isTrue();
      VerificationResult refused = verifier.verifySubscribe(key.publicKeyBase64(),
          Base64.getEncoder().encodeToString(malleable), "1735689600000", "5000");
      assertThat(refused.failure()).as(engine.name()).isEqualTo(VerificationResult.Failure.BAD_SIGNATURE);
    }
  }

  @Test
  void keysThatAreNoCurvePointVerifyNothingOnEitherEngine() throws Exception {
    byte[] signature = bc.signer(seed(11)).sign(MESSAGE);
    byte[] yTooLarge = new byte[32];
    Arrays.fill(yTooLarge, (byte) 0xff);
    byte[] notOnCurve = new byte[32];
    Arrays.fill(notOnCurve, (byte) 0x7f);

    for (byte[] key : new byte[][] {yTooLarge, notOnCurve}) {
      assertThat(jdkSignatureAccepts(key, MESSAGE, signature)).isFalse();
      for (Ed25519Engine engine : Engines.all()) {
        Ed25519Engine.Verifier verifier = engine.verifier(key);
        assertThat(verifier).as(engine.name() + " takes the bytes as a key").isNotNull();
        assertThat(verifier.verify(MESSAGE, signature)).as(engine.name()).isFalse();
      }
    }
  }

  /**
   * Where the engines differ, on purpose: the all-zero public key is a point of small order (y = 0),
   * and with it the all-zero signature passes the JDK's cofactorless check for any message. RFC 8032
   * does not require refusing such keys; BouncyCastle does, when it decodes the key. Nobody else's key
   * is at risk (whoever presents this key only ever signs for that key's own account), but it is the
   * one input on which the engines disagree, so it is pinned here.
   */
  @Test
  void theSmallOrderZeroKeyWithAZeroSignatureIsAcceptedOnlyByTheJdk() {
    byte[] zeroKey = new byte[32];
    byte[] zeroSignature = new byte[64];

    assertThat(jdkSignatureAccepts(zeroKey, MESSAGE, zeroSignature)).isTrue();
    assertThat(jdk.verifier(zeroKey).verify(MESSAGE, zeroSignature)).isTrue();
    assertThat(bc.verifier(zeroKey).verify(MESSAGE, zeroSignature)).isFalse();
  }

  @Test
  void keyHandlingAgreesSeedPublicKeyAndTheJdkEncodings() throws Exception {
    byte[] seed = seed(12);
    Ed25519Engine.Signer bcSigner = bc.signer(seed);
    Ed25519Engine.Signer jdkSigner = jdk.signer(seed);
    seed[0] ^= 1; // the signers copied the seed: wiping or changing the caller's array changes nothing
    seed[0] ^= 1;

    assertThat(bcSigner.seed()).isEqualTo(seed).isEqualTo(jdkSigner.seed());
    // PKCS#8 (RFC 8410) of the seed, decoded by the JDK's key factory, signs as both engines do.
    byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420" + HexFormat.of().formatHex(seed));
    EdECPrivateKey privateKey = (EdECPrivateKey) KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    assertThat(privateKey.getBytes().orElseThrow()).isEqualTo(seed);
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(privateKey);
    s.update(MESSAGE);
    assertThat(s.sign()).isEqualTo(bcSigner.sign(MESSAGE)).isEqualTo(jdkSigner.sign(MESSAGE));
    // X.509 (RFC 8410) of the public key round-trips through the JDK to the same 32 bytes.
    assertThat(Ed25519Keys.rawPublicKey(Ed25519Keys.publicKey(bcSigner.publicKey()))).isEqualTo(jdkSigner.publicKey());
    // SigningKey exports the same seed whichever engine holds it.
    String base64 = Base64.getEncoder().encodeToString(seed);
    assertThat(SigningKey.fromSeed(seed, bc).exportPrivateKeyBase64()).isEqualTo(base64);
    assertThat(SigningKey.fromSeed(seed, jdk).exportPrivateKeyBase64()).isEqualTo(base64);
    assertThat(SigningKey.fromSeed(seed, bc).toString()).isEqualTo("SigningKey[ed25519]");
  }

  private static boolean jdkSignatureAccepts(byte[] publicKey, byte[] message, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(Ed25519Keys.publicKey(publicKey));
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false; // the JDK signals some refusals by throwing
    }
  }

  private static byte[] seed(int n) {
    byte[] seed = new byte[32];
    new Random(n).nextBytes(seed);
    return seed;
  }

  private static BigInteger littleEndian(byte[] bytes) {
    byte[] bigEndian = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      bigEndian[i] = bytes[bytes.length - 1 - i];
    }
    return new BigInteger(1, bigEndian);
  }

  private static byte[] littleEndian(BigInteger value) {
    byte[] out = new byte[32];
    byte[] bigEndian = value.toByteArray();
    for (int i = 0; i < bigEndian.length && i < 33; i++) {
      int target = bigEndian.length - 1 - i;
      if (i < 32) {
        out[i] = bigEndian[target];
      }
    }
    return out;
  }
}
