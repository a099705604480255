package dev.bpx.client.stream;

import dev.bpx.client.exception.ValidationException;
import java.time.Duration;

/**
 * How the stream service connects, detects a dead connection, reconnects and buffers. Build with {@link
 * #builder()}; set on the client with {@code BackpackClient.Builder.streams(StreamSettings)}.
 *
 * <pre>{@code
 * StreamSettings settings = StreamSettings.builder().url("ws://localhost:8081").build();
 * }</pre>
 *
 * <p>Thread-safe (immutable); the builder is not.
 */
public final class StreamSettings {
  /** The production WebSocket endpoint. */
  public static final String DEFAULT_URL = "wss://ws.backpack.exchange";

  private final String url;
  private final Duration staleAfter;
  private final Duration pingInterval;
  private final int queueCapacity;
  private final Duration reconnectInitialDelay;
  private final Duration reconnectMaxDelay;
  private final Duration closeTimeout;

  private StreamSettings(Builder b) {
    this.url = b.url;
    this.staleAfter = b.staleAfter;
    this.pingInterval = b.pingInterval;
    this.queueCapacity = b.queueCapacity;
    this.reconnectInitialDelay = b.reconnectInitialDelay;
    this.reconnectMaxDelay = b.reconnectMaxDelay;
    this.closeTimeout = b.closeTimeout;
  }

  /** {@return the defaults: production URL, stale after 90 s, ping every 20 s, 10 000 events per queue} */
  public static StreamSettings defaults() {
    return builder().build();
  }

  /** {@return a builder with the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the WebSocket URL} */
  public String url() {
    return url;
  }

  /** {@return how long without any frame before the connection is replaced; zero: never} */
  public Duration staleAfter() {
    return staleAfter;
  }

  /** {@return how often a ping is sent (the socket fails without a pong); zero: never} */
  public Duration pingInterval() {
    return pingInterval;
  }

  /** {@return the event capacity of each subscription's delivery queue} */
  public int queueCapacity() {
    return queueCapacity;
  }

  /** {@return the first reconnect backoff (then doubling, with 75-100 % jitter)} */
  public Duration reconnectInitialDelay() {
    return reconnectInitialDelay;
  }

  /** {@return the cap on one reconnect backoff} */
  public Duration reconnectMaxDelay() {
    return reconnectMaxDelay;
  }

  /** {@return how long {@code close()} waits for the server to answer the close frame} */
  public Duration closeTimeout() {
    return closeTimeout;
  }

  @Override
  public String toString() {
    return "StreamSettings[" + url + ", staleAfter=" + staleAfter + ", ping=" + pingInterval + ", queue="
        + queueCapacity + "]";
  }

  /** Builds {@link StreamSettings}; setters reject bad values at once, naming them. Not thread-safe. */
  public static final class Builder {
    private String url = DEFAULT_URL;
    private Duration staleAfter = Duration.ofSeconds(90);
    private Duration pingInterval = Duration.ofSeconds(20);
    private int queueCapacity = 10_000;
    private Duration reconnectInitialDelay = Duration.ofMillis(500);
    private Duration reconnectMaxDelay = Duration.ofSeconds(30);
    private Duration closeTimeout = Duration.ofSeconds(1);

    private Builder() {}

    /** Sets the WebSocket URL ({@code ws://} or {@code wss://}). @return this */
    public Builder url(String url) {
      if (url == null || !(url.startsWith("ws://") || url.startsWith("wss://"))) {
        throw new ValidationException("streamUrl", "must start with ws:// or wss://", "e.g. " + DEFAULT_URL);
      }
      this.url = url;
      return this;
    }

    /**
     * Sets how long the connection may stay silent before it is replaced (default 90 s; zero disables).
     * The server pushes tickers every second and pings every 60 s, but a connection carrying only quiet
     * streams (liquidations) may legitimately be silent: raise or disable it then; the ping still catches a
     * dead network path. @return this
     */
    public Builder staleAfter(Duration staleAfter) {
      this.staleAfter = nonNegative("staleAfter", staleAfter);
      return this;
    }

    /** Sets the client ping interval (default 20 s; zero disables). @return this */
    public Builder pingInterval(Duration pingInterval) {
      this.pingInterval = nonNegative("pingInterval", pingInterval);
      return this;
    }

    /** Sets each subscription queue's event capacity: 1..1 000 000 (default 10 000). @return this */
    public Builder queueCapacity(int queueCapacity) {
      if (queueCapacity < 1 || queueCapacity > 1_000_000) {
        throw new ValidationException("queueCapacity", "must be 1..1000000", "the default is 10000");
      }
      this.queueCapacity = queueCapacity;
      return this;
    }

    /** Sets the first and the largest reconnect backoff (defaults 500 ms and 30 s). @return this */
    public Builder reconnectBackoff(Duration initial, Duration max) {
      Duration first = nonNegative("reconnectInitialDelay", initial);
      Duration cap = nonNegative("reconnectMaxDelay", max);
      if (cap.compareTo(first) < 0) {
        throw new ValidationException("reconnectMaxDelay", "is below the initial delay", "give max >= initial");
      }
      this.reconnectInitialDelay = first;
      this.reconnectMaxDelay = cap;
      return this;
    }

    /** Sets how long {@code close()} waits for the server's close answer (default 1 s). @return this */
    public Builder closeTimeout(Duration closeTimeout) {
      this.closeTimeout = nonNegative("closeTimeout", closeTimeout);
      return this;
    }

    /** {@return the settings} */
    public StreamSettings build() {
      return new StreamSettings(this);
    }

    private static Duration nonNegative(String field, Duration value) {
      if (value == null || value.isNegative()) {
        throw new ValidationException(field, "must be zero or positive", "give a Duration such as Duration.ofSeconds(30)");
      }
      return value;
    }
  }
}
