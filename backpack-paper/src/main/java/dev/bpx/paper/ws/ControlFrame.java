package dev.bpx.paper.ws;

import dev.bpx.auth.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A client's control frame: {@code {"method":"SUBSCRIBE"|"UNSUBSCRIBE","params":[...],"id":...,
 * "signature":[key,sig,timestamp,window]}} (AsyncAPI {@code SubscribeRequest}, {@code UnsubscribeRequest}).
 *
 * @param method {@code SUBSCRIBE} or {@code UNSUBSCRIBE}
 * @param streams the {@code params}, in order
 * @param id the optional {@code id}, echoed in replies as sent (a number or a string), or null
 * @param signature the four signature elements as text, or null when absent
 */
record ControlFrame(String method, List<String> streams, Object id, List<String> signature) {
  static final String SUBSCRIBE = "SUBSCRIBE";
  static final String UNSUBSCRIBE = "UNSUBSCRIBE";

  ControlFrame {
    streams = List.copyOf(streams);
    signature = signature == null ? null : List.copyOf(signature);
  }

  /** A frame the server cannot act on; {@link #id} is what could be read of it, for the error reply. */
  static final class Invalid extends Exception {
    final Object id;

    Invalid(String message, Object id) {
      super(message, null, false, false);
      this.id = id;
    }
  }

  /** {@return the frame a client's text denotes} @throws Invalid when it is not a control frame */
  static ControlFrame parse(String text) throws Invalid {
    Object parsed;
    try {
      parsed = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new Invalid("Invalid JSON", null);
    }
    if (!(parsed instanceof Map<?, ?> frame)) {
      throw new Invalid("Expected a JSON object", null);
    }
    Object id = frame.get("id");
    if (id != null && !(id instanceof String) && !(id instanceof Number)) {
      throw new Invalid("Invalid id: expected a number or a string", null);
    }
    Object method = frame.get("method");
    if (!SUBSCRIBE.equals(method) && !UNSUBSCRIBE.equals(method)) {
      throw new Invalid("Invalid method: expected SUBSCRIBE or UNSUBSCRIBE", id);
    }
    List<String> streams = strings(frame.get("params"), "params", id);
    if (streams.isEmpty()) {
      throw new Invalid("Invalid params: expected at least one stream name", id);
    }
    List<String> signature = null;
    if (frame.get("signature") != null) {
      signature = strings(frame.get("signature"), "signature", id);
      if (signature.size() != 4) {
        throw new Invalid("Invalid signature: expected [verifying key, signature, timestamp, window]", id);
      }
    }
    return new ControlFrame((String) method, streams, id, signature);
  }

  private static List<String> strings(Object value, String member, Object id) throws Invalid {
    if (!(value instanceof List<?> list)) {
      throw new Invalid("Invalid " + member + ": expected an array of strings", id);
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object item : list) {
      // Timestamps and windows are often sent as numbers although the spec says strings; accept both.
      if (item instanceof String s) {
        out.add(s);
      } else if (item instanceof Number n && member.equals("signature")) {
        out.add(n.toString());
      } else {
        throw new Invalid("Invalid " + member + ": expected an array of strings", id);
      }
    }
    return out;
  }
}
