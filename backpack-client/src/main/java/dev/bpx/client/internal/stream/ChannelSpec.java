package dev.bpx.client.internal.stream;

import dev.bpx.client.stream.DeliveryPolicy;
import java.util.function.Function;

/**
 * What the connection needs to know about a channel: its stream name, whether the subscription must be
 * signed, how its queue behaves, and how to decode its events.
 *
 * @param name the stream name sent in {@code SUBSCRIBE} and found in each frame's {@code stream}
 * @param isPrivate whether the name starts with {@code account.} (signed subscribe)
 * @param policy the delivery queue's overflow policy
 * @param decoder from the event's fields to its record
 * @param <E> the event type
 */
public record ChannelSpec<E>(String name, boolean isPrivate, DeliveryPolicy policy, Function<Fields, E> decoder) {}
