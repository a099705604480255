package dev.bpx.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * An OkHttp network interceptor that records, per call, that the request is about to be written to
 * an open connection. Network interceptors run only once a connection exists, so a call that failed
 * before reaching this point (DNS, refused connection, TLS handshake) certainly did not reach the
 * exchange; after it, the exchange may have received the request.
 *
 * <p>For writes it also removes {@code Retry-After} from 503 answers: OkHttp silently repeats a
 * request, even a POST, when a 503 carries {@code Retry-After: 0}, and an order must never be
 * repeated without the client's own checks. Thread-safe (stateless).
 */
final class SendTracker implements Interceptor {
  private final boolean write;

  SendTracker(boolean write) {
    this.write = write;
  }

  /** Per-call flag, attached to the request as a tag. Thread-safe. */
  static final class Progress {
    private volatile boolean sent;

    void markSent() {
      sent = true;
    }

    boolean sent() {
      return sent;
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Progress progress = chain.request().tag(Progress.class);
    if (progress != null) {
      progress.markSent();
    }
    Response response = chain.proceed(chain.request());
    if (write && response.code() == 503 && response.header("Retry-After") != null) {
      return response.newBuilder().removeHeader("Retry-After").build();
    }
    return response;
  }
}
