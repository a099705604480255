package dev.bpx.paper.upstream;

import dev.bpx.auth.json.Json;
import dev.bpx.auth.json.JsonSyntaxException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Unsigned GETs of the upstream's public REST API. It never sends a key, a signature or anything
 * about an account: only the public path and its query. Thread-safe (the JDK client is).
 */
final class UpstreamRest {
  private final HttpClient http;
  private final String base;
  private final Duration timeout;

  UpstreamRest(HttpClient http, URI base, Duration timeout) {
    this.http = http;
    String b = base.toString();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    this.timeout = timeout;
  }

  /** {@return the parsed JSON answer of {@code GET path?query}} */
  Object get(String path, String query) {
    String body = getText(path, query);
    try {
      return Json.parse(body);
    } catch (JsonSyntaxException e) {
      throw new UpstreamException("GET " + path + ": the upstream's answer is not JSON", e);
    }
  }

  /** {@return the body of a 2xx answer to {@code GET path?query}, as sent} */
  String getText(String path, String query) {
    PublicAnswer a = fetch(path, query);
    if (a.status() / 100 != 2) {
      throw new UpstreamException("GET " + path + ": upstream answered HTTP " + a.status());
    }
    return a.body();
  }

  /** {@return the upstream's answer to {@code GET path?query}, whatever its status} */
  PublicAnswer fetch(String path, String query) {
    if (!path.startsWith("/api/v1/")) {
      throw new IllegalArgumentException("not a public API path: " + path);
    }
    URI uri = URI.create(base + path + (query == null || query.isEmpty() ? "" : "?" + query));
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
        .header("Accept", "application/json").build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UpstreamException("GET " + path + ": upstream unreachable (" + e + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamException("GET " + path + ": interrupted", e);
    }
    return new PublicAnswer(response.statusCode(),
        response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
  }
}
