package dev.bpx.auth;

import java.util.List;

/** Both Ed25519 engines, for tests that run a check on each. */
final class Engines {
  private Engines() {}

  /** {@return BouncyCastle's engine (bcprov is on the test class path) and the JDK's} */
  static List<Ed25519Engine> all() {
    Ed25519Engine bc = Ed25519Engine.choose("");
    if (!bc.name().equals("bouncycastle")) {
      throw new AssertionError("bcprov is on the test class path, yet BouncyCastle's engine was not chosen");
    }
    return List.of(bc, JdkEd25519Engine.INSTANCE);
  }
}
