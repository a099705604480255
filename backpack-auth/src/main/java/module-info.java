/**
 * ED25519 request signing and verification for Backpack Exchange. No required dependency: BouncyCastle's
 * {@code bcprov} is used when present (it is several times faster than the JDK's provider), the JDK's
 * {@code Ed25519} provider otherwise.
 *
 * <p>{@code dev.bpx.auth.json}, the dependency-free JSON reader and writer, is not API: it is exported
 * only to this project's own modules ({@code dev.bpx.client} reads it as the automatic module of that
 * name, its jar's {@code Automatic-Module-Name}); on the class path (how the server jars run) the
 * descriptor does not apply at all. Compiling this module alone,
 * javac warns that the three are not found: expected, they are built after it.
 */
module dev.bpx.auth {
  requires static org.bouncycastle.provider;

  exports dev.bpx.auth;
  exports dev.bpx.auth.json to dev.bpx.client, dev.bpx.paper, dev.bpx.mcp;
}
