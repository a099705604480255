/**
 * Internal: not API. The Moshi JSON layer of the Backpack client: decimal, timestamp, enum and
 * union adapters, and the {@link dev.bpx.client.internal.json.JsonCodec} factory that registers
 * them all.
 *
 * <p>Anything here may change without notice; callers use {@code dev.bpx.client.model} types
 * through {@code BackpackClient}. See {@code backpack-api.md} section 8 for the wire formats.
 */
package dev.bpx.client.internal.json;
