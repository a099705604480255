/**
 * The paper exchange's WebSocket side: Backpack's stream protocol ({@code shared/backpack-asyncapi.yml})
 * served at the root path of a loopback port, as {@code wss://ws.backpack.exchange} serves it.
 *
 * <p>{@link dev.bpx.paper.ws.WsFront} owns the server (Java-WebSocket, chosen by measurement: see the
 * module README); {@link dev.bpx.paper.ws.StreamPublisher} is the one door the engine uses to send
 * events. Everything else here is the protocol: stream names ({@link dev.bpx.paper.ws.StreamName}),
 * client control frames ({@link dev.bpx.paper.ws.ControlFrame}), server frames
 * ({@link dev.bpx.paper.ws.Frames}), who is subscribed to what ({@link dev.bpx.paper.ws.Subscribers}) and
 * the keep-alive ({@link dev.bpx.paper.ws.Heartbeat}).
 */
package dev.bpx.paper.ws;
