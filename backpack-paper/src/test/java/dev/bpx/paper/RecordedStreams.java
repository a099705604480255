package dev.bpx.paper;

import dev.bpx.auth.json.Json;
import dev.bpx.paper.events.EventSink;
import dev.bpx.paper.events.StreamEvent;
import dev.bpx.paper.ws.EventFrames;
import dev.bpx.paper.ws.StreamPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Test helper: a recording {@link StreamPublisher} behind the real {@link EventFrames}, so tests see both
 * the engine's events and the payloads the WebSocket front would send, without a socket.
 */
public final class RecordedStreams implements StreamPublisher, EventSink {
  /** One published frame; {@code account} is null for public streams. */
  public record Frame(String account, String stream, String json) {
    /** {@return the payload parsed, JSON integers as {@code Long}} */
    @SuppressWarnings("unchecked")
    public Map<String, Object> data() {
      return (Map<String, Object>) longs(Json.parse(json));
    }

    private static Object longs(Object v) {
      if (v instanceof Number n && !(v instanceof Long)) {
        java.math.BigDecimal d = new java.math.BigDecimal(n.toString());
        return d.stripTrailingZeros().scale() <= 0 ? (Object) d.longValueExact() : v;
      } else if (v instanceof Map<?, ?> m) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        m.forEach((k, x) -> out.put((String) k, longs(x)));
        return out;
      } else if (v instanceof List<?> l) {
        return l.stream().map(Frame::longs).toList();
      }
      return v;
    }
  }

  private final EventFrames frames = new EventFrames(this);
  private final List<StreamEvent> events = new ArrayList<>();
  private final List<Frame> published = new ArrayList<>();

  /** Sets this recorder as the exchange's test sink. */
  public PaperExchange.Builder attach(PaperExchange.Builder b) {
    return b.eventSink(this);
  }

  @Override
  public void accept(List<StreamEvent> batch) {
    synchronized (this) {
      events.addAll(batch);
    }
    frames.accept(batch);
  }

  @Override
  public synchronized void publish(String stream, String dataJson) {
    published.add(new Frame(null, stream, dataJson));
  }

  @Override
  public synchronized void publishPrivate(String accountKey, String stream, String dataJson) {
    published.add(new Frame(accountKey, stream, dataJson));
  }

  public synchronized List<StreamEvent> events() {
    return List.copyOf(events);
  }

  public synchronized List<Frame> frames() {
    return List.copyOf(published);
  }

  /**
   * Waits (events are handed over right after the HTTP answers are released, on the writer) until a
   * frame matches, and {@return the frames so far}.
   */
  public List<Frame> awaitFrame(Predicate<Frame> match, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<Frame> now = frames();
      if (now.stream().anyMatch(match)) {
        return now;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no matching frame within " + timeout + "; got " + frames().size() + " frames");
  }
}
