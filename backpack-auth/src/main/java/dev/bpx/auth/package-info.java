/**
 * ED25519 request signing and verification exactly as Backpack Exchange specifies.
 *
 * <p>{@link dev.bpx.auth.SigningKey} loads the API secret; {@link dev.bpx.auth.RequestSigner} signs;
 * {@link dev.bpx.auth.SignatureVerifier} checks. {@link dev.bpx.auth.Instructions} is the one table of
 * signed endpoints. Ed25519 is BouncyCastle's RFC 8032 code when {@code bcprov} is on the
 * class path and the JDK's own provider otherwise (both give the same signatures). This module never logs.
 */
package dev.bpx.auth;
