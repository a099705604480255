/**
 * Backpack's WebSocket streams, typed: {@link dev.bpx.client.stream.StreamService} (from {@code
 * client.streams()}), channel descriptors ({@link dev.bpx.client.stream.StreamChannel}), event records,
 * the listener and its status events, and a maintained local order book.
 *
 * <p>The wire format is {@code shared/backpack-asyncapi.yml}; the implementation lives in {@code
 * dev.bpx.client.internal.stream}.
 */
package dev.bpx.client.stream;
