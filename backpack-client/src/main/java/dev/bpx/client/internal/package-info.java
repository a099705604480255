/**
 * Internal: not API. HTTP transport, request signing glue, the retry policy, clock-offset
 * correction, error mapping and response decoding of the Backpack client.
 *
 * <p>Anything here may change without notice; use {@code dev.bpx.client.BackpackClient}.
 */
package dev.bpx.client.internal;
