package dev.bpx.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Answers by method and path (any order of calls), records every request, and 404s anything unexpected. */
final class Routes extends Dispatcher {
  private final Map<String, MockResponse> byPath = new ConcurrentHashMap<>();
  private final List<RecordedRequest> seen = Collections.synchronizedList(new ArrayList<>());

  /** Answers GET {@code path} with {@code body}. */
  void json(String path, String body) {
    respond(path, 200, body);
  }

  void respond(String path, int code, String body) {
    respond("GET", path, code, body);
  }

  /** Answers {@code method path} with {@code body}. */
  void respond(String method, String path, int code, String body) {
    byPath.put(method + " " + path, new MockResponse.Builder().code(code)
        .addHeader("Content-Type", "application/json; charset=utf-8").body(body).build());
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    seen.add(request);
    MockResponse response = byPath.get(request.getMethod() + " " + request.getUrl().encodedPath());
    return response != null ? response : new MockResponse.Builder().code(404)
        .addHeader("Content-Type", "text/plain; charset=utf-8").body("not found").build();
  }

  List<RecordedRequest> seen() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  List<String> paths() {
    return seen().stream().map(r -> r.getUrl().encodedPath()
        + (r.getUrl().encodedQuery() == null ? "" : "?" + r.getUrl().encodedQuery())).toList();
  }
}
