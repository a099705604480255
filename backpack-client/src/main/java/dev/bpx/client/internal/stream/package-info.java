/**
 * Not API: the implementation of {@code dev.bpx.client.stream} (WebSocket connection, reconnect and
 * watchdog, frame parsing, delivery queues, order-book maintenance). Anything here may change without
 * notice; use {@code BackpackClient.streams()}.
 */
package dev.bpx.client.internal.stream;
