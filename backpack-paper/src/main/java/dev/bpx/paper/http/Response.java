package dev.bpx.paper.http;

import dev.bpx.auth.json.JsonWriter;

/** Status, content type and body of an answer. A null body means no body at all. */
record Response(int status, String contentType, String body) {
  static final String JSON = "application/json; charset=utf-8";
  static final String TEXT = "text/plain; charset=utf-8";

  static Response json(JsonWriter w) {
    return new Response(200, JSON, w.toString());
  }

  static Response json(int status, String body) {
    return new Response(status, JSON, body);
  }

  static Response text(int status, String body) {
    return new Response(status, TEXT, body);
  }

  static Response empty() {
    return new Response(200, null, null);
  }

  static Response error(int status, String code, String message) {
    return json(status, new JsonWriter().beginObject().field("code", code).field("message", message)
        .endObject().toString());
  }
}
