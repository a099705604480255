package dev.bpx.client.internal.stream;

import java.time.Duration;

/**
 * The connection's tuning, resolved from the public {@code StreamSettings}.
 *
 * @param url the WebSocket URL ({@code wss://ws.backpack.exchange})
 * @param staleAfter replace the connection when no frame arrived for this long; zero disables
 * @param pingInterval OkHttp sends a ping this often and fails the socket without a pong; zero disables
 * @param queueCapacity events per subscription queue
 * @param reconnectInitialDelay first reconnect backoff
 * @param reconnectMaxDelay cap on one reconnect backoff
 * @param closeTimeout how long {@code close()} waits for the server's close answer before cancelling
 */
public record ConnectionSettings(String url, Duration staleAfter, Duration pingInterval, int queueCapacity,
    Duration reconnectInitialDelay, Duration reconnectMaxDelay, Duration closeTimeout) {}
