/**
 * ED25519 request signing and verification exactly as Backpack Exchange specifies.
 *
 * <p>{@link dev.bpx.auth.SigningKey} loads the API secret; {@link dev.bpx.auth.RequestSigner} signs;
 * {@link dev.bpx.auth.SignatureVerifier} checks. {@link dev.bpx.auth.Instructions} is the one table of
 * signed endpoints. This module uses only the JDK's own Ed25519 provider and never logs.
 */
package dev.bpx.auth;
