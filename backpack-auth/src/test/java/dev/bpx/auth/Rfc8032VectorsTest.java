package dev.bpx.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 8032 section 7.1 test vectors for the Ed25519 primitive (TEST 1, 2, 3 and TEST 1024), through
 * {@link SigningKey} (the engine this run chose; the module's tests run once per engine) and through
 * each engine directly.
 */
class Rfc8032VectorsTest {
  private static final HexFormat HEX = HexFormat.of();

  static Stream<Rfc8032Vectors.Vector> vectors() {
    return Rfc8032Vectors.ALL.stream();
  }

  static Stream<Arguments> vectorsOnEachEngine() {
    return Rfc8032Vectors.ALL.stream()
        .flatMap(v -> Engines.all().stream().map(e -> Arguments.of(e.name(), v, e)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void seedDerivesTheRfcPublicKeyAndSignsTheRfcSignature(Rfc8032Vectors.Vector v) {
    SigningKey key = SigningKey.fromBase64(Base64.getEncoder().encodeToString(HEX.parseHex(v.secretHex())));

    assertThat(HEX.formatHex(key.publicKey())).isEqualTo(v.publicHex());
    assertThat(HEX.formatHex(key.sign(HEX.parseHex(v.messageHex())))).isEqualTo(v.signatureHex());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("vectorsOnEachEngine")
  void eachEngineSignsAndVerifiesTheRfcVector(String engineName, Rfc8032Vectors.Vector v, Ed25519Engine engine)
      throws Exception {
    byte[] message = HEX.parseHex(v.messageHex());
    Ed25519Engine.Signer signer = engine.signer(HEX.parseHex(v.secretHex()));

    assertThat(HEX.formatHex(signer.publicKey())).isEqualTo(v.publicHex());
    assertThat(HEX.formatHex(signer.sign(message))).isEqualTo(v.signatureHex());
    assertThat(engine.verifier(HEX.parseHex(v.publicHex())).verify(message, HEX.parseHex(v.signatureHex())))
        .isTrue();
    // The JDK's own Signature, independent of both engines, accepts the engine's public key (as X.509)
    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initVerify(Ed25519Keys.publicKey(signer.publicKey()));
    jdk.update(message);
    assertThat(jdk.verify(HEX.parseHex(v.signatureHex()))).isTrue();
  }
}
