package dev.bpx.client.internal.stream;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;

/** The {@code SUBSCRIBE} and {@code UNSUBSCRIBE} frames of the spec's {@code subscriptionControl} channel. */
final class ControlFrames {
  private ControlFrames() {}

  /** {@return {@code {"method":"SUBSCRIBE","params":[...]}}, with {@code "signature"} when given} */
  static String subscribe(List<String> streams, List<String> signature) {
    return frame("SUBSCRIBE", streams, signature);
  }

  /**
   * {@return the frames that subscribe {@code channels}: one for the public streams and one, signed now,
   * for the private ones; each only when it has a stream}
   */
  static List<String> subscribeAll(List<ChannelSpec<?>> channels, SubscribeSigner signer) {
    List<String> publicNames = new ArrayList<>();
    List<String> privateNames = new ArrayList<>();
    for (ChannelSpec<?> channel : channels) {
      (channel.isPrivate() ? privateNames : publicNames).add(channel.name());
    }
    List<String> frames = new ArrayList<>(2);
    if (!publicNames.isEmpty()) {
      frames.add(subscribe(publicNames, null));
    }
    if (!privateNames.isEmpty()) {
      frames.add(subscribe(privateNames, signer.signature()));
    }
    return frames;
  }

  /** {@return {@code {"method":"UNSUBSCRIBE","params":[...]}}} */
  static String unsubscribe(List<String> streams) {
    return frame("UNSUBSCRIBE", streams, null);
  }

  private static String frame(String method, List<String> streams, List<String> signature) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.beginObject().name("method").value(method).name("params");
      strings(writer, streams);
      if (signature != null) {
        writer.name("signature");
        strings(writer, signature);
      }
      writer.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Buffer does not fail
    }
    return buffer.readUtf8();
  }

  private static void strings(JsonWriter writer, List<String> values) throws IOException {
    writer.beginArray();
    for (String value : values) {
      writer.value(value);
    }
    writer.endArray();
  }
}
