package dev.bpx.paper;

import dev.bpx.auth.Instructions;
import dev.bpx.auth.RequestSigner;
import dev.bpx.auth.SignedHeaders;
import dev.bpx.auth.SigningKey;
import dev.bpx.auth.SigningParams;
import dev.bpx.auth.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;

/** Test helper: signed and public calls to a paper exchange over real HTTP. */
public final class PaperHttp {
  public record Reply(int status, String contentType, String body) {
    public Object json() {
      return Json.parse(body);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object() {
      return (Map<String, Object>) json();
    }

    @SuppressWarnings("unchecked")
    public java.util.List<Object> array() {
      return (java.util.List<Object>) json();
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final String url;
  private final SigningKey key;
  private final RequestSigner signer;
  private final Clock clock;

  public PaperHttp(String url, SigningKey key, Clock clock) {
    this.url = url;
    this.key = key;
    this.signer = new RequestSigner(key);
    this.clock = clock;
  }

  public String apiKey() {
    return key.publicKeyBase64();
  }

  public Reply get(String pathAndQuery) {
    return send("GET", pathAndQuery, null);
  }

  public Reply post(String path, String body) {
    return send("POST", path, body);
  }

  public Reply delete(String path, String body) {
    return send("DELETE", path, body);
  }

  public Reply patch(String path, String body) {
    return send("PATCH", path, body);
  }

  /** Sends a request, signed when the (method, path) is a signed endpoint. */
  public Reply send(String method, String pathAndQuery, String body) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? null : pathAndQuery.substring(q + 1);
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + pathAndQuery))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json; charset=utf-8");
    }
    var instruction = Instructions.forRequest(method, path);
    if (instruction.isPresent()) {
      long ts = clock.millis();
      SignedHeaders h;
      if (Instructions.isBatch(method, path)) {
        h = signer.signBatch(instruction.get(), SigningParams.fromJsonArray(body), ts, 5000);
      } else {
        Map<String, String> params = body != null ? SigningParams.fromJsonObject(body) : SigningParams.fromQuery(query);
        h = signer.sign(instruction.get(), params, ts, 5000);
      }
      h.asMap().forEach(b::header);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
