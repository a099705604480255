package dev.bpx.client;

import java.time.Instant;

/**
 * An order with a given {@code clientId} that is being placed right now, so that a lookup which does
 * not find it on the exchange must not be read as "never placed": its request may still be on its way,
 * and its outcome is pending. Ask again once the placing call has returned.
 *
 * <p>Thread-safe (immutable).
 *
 * @param symbol the order's market
 * @param clientId the order's clientId
 * @param since when the placing began (this client) or its intent was journaled (another process)
 * @param thisClient true when this client is placing it; false when the trade journal holds an intent
 *     to place it, written moments ago, with no outcome yet (or only "unknown"): another process sharing
 *     the journal may be sending it
 */
public record PlacementInProgress(String symbol, long clientId, Instant since, boolean thisClient) {}
