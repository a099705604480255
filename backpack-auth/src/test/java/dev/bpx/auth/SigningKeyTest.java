package dev.bpx.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

  @Test
  void derivesThePublicKeyFromTheSeed() {
    assertThat(TestKeys.key().publicKeyBase64()).isEqualTo(TestKeys.PUBLIC);
  }

  @Test
  void acceptsTheSixtyFourByteSeedAndPublicKeyForm() {
    byte[] seed = Base64.getDecoder().decode(TestKeys.SEED);
    byte[] pub = Base64.getDecoder().decode(TestKeys.PUBLIC);
    byte[] both = Arrays.copyOf(seed, 64);
    System.arraycopy(pub, 0, both, 32, 32);

    SigningKey key = SigningKey.fromBase64(Base64.getEncoder().encodeToString(both));

    assertThat(key.publicKeyBase64()).isEqualTo(TestKeys.PUBLIC);
  }

  @Test
  void rejectsSixtyFourBytesWhosePublicHalfDoesNotMatch() {
    byte[] both = Arrays.copyOf(Base64.getDecoder().decode(TestKeys.SEED), 64);
    String text = Base64.getEncoder().encodeToString(both);

    assertThatThrownBy(() -> SigningKey.fromBase64(text))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("second half is not the public key");
  }

  @Test
  void acceptsAMatchingPublicKeyAndSurroundingWhitespace() {
    SigningKey key = SigningKey.fromBase64(" " + TestKeys.SEED + "\n", TestKeys.PUBLIC + " ");

    assertThat(key.publicKeyBase64()).isEqualTo(TestKeys.PUBLIC);
  }

  @Test
  void mismatchedPublicKeyFailsWithAMessageThatSaysHowToFixIt() {
    String otherPublic = SigningKey.generate().publicKeyBase64();

    assertThatThrownBy(() -> SigningKey.fromBase64(TestKeys.SEED, otherPublic))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("BACKPACK_PUBLIC_KEY does not belong to BACKPACK_PRIVATE_KEY")
        .hasMessageNotContaining(otherPublic)
        .hasMessageNotContaining(TestKeys.SEED)
        .hasMessageNotContaining(TestKeys.PUBLIC);
  }

  @Test
  void wrongLengthIsRejectedWithoutEchoingTheKey() {
    String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> SigningKey.fromBase64(sixteenBytes))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("16 bytes")
        .hasMessageNotContaining(sixteenBytes);
  }

  @Test
  void notBase64IsRejectedWithoutEchoingTheKey() {
    String garbage = "not*base64*secret*value";

    assertThatThrownBy(() -> SigningKey.fromBase64(garbage))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("not valid base64")
        .hasMessageNotContaining(garbage);
  }

  @Test
  void blankKeyIsRejectedWithAHint() {
    assertThatThrownBy(() -> SigningKey.fromBase64("  "))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("BACKPACK_PRIVATE_KEY is empty");
  }

  @Test
  void toStringRevealsNoKeyMaterial() {
    SigningKey key = TestKeys.key();

    assertThat(key.toString()).isEqualTo("SigningKey[ed25519]");
    assertThat(new RequestSigner(key).toString()).doesNotContain(TestKeys.PUBLIC).doesNotContain(TestKeys.SEED);
  }

  @Test
  void generatedKeysAreDistinctAndExportRoundTrips() {
    SigningKey a = SigningKey.generate();
    SigningKey b = SigningKey.generate();

    assertThat(a.publicKeyBase64()).isNotEqualTo(b.publicKeyBase64());
    assertThat(SigningKey.fromBase64(a.exportPrivateKeyBase64()).publicKeyBase64())
        .isEqualTo(a.publicKeyBase64());
  }

  @Test
  void exportReturnsTheSeedItWasLoadedFrom() {
    assertThat(TestKeys.key().exportPrivateKeyBase64()).isEqualTo(TestKeys.SEED);
  }
}
