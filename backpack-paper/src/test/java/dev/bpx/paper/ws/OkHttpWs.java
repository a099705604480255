package dev.bpx.paper.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.json.Json;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** A test client on OkHttp's WebSocket: collects text frames and the close code. */
final class OkHttpWs implements AutoCloseable {
  static final OkHttpClient HTTP = new OkHttpClient();

  final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  final CompletableFuture<String> closeReason = new CompletableFuture<>();
  private final CompletableFuture<Void> opened = new CompletableFuture<>();
  private final WebSocket socket;
  /** While held, the listener blocks in onMessage: OkHttp stops reading, as a slow consumer does. */
  final CountDownLatch stall;

  OkHttpWs(String url) {
    this(url, new CountDownLatch(0));
  }

  OkHttpWs(String url, CountDownLatch stall) {
    this.stall = stall;
    socket = HTTP.newWebSocket(new Request.Builder().url(url).build(), new WebSocketListener() {
      @Override public void onOpen(WebSocket ws, Response response) {
        opened.complete(null);
      }

      @Override public void onMessage(WebSocket ws, String text) {
        frames.add(text);
        try {
          stall.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override public void onClosing(WebSocket ws, int code, String reason) {
        closeCode.complete(code);
        closeReason.complete(reason);
        ws.close(1000, null);
      }

      @Override public void onFailure(WebSocket ws, Throwable t, Response response) {
        opened.completeExceptionally(t);
        closeCode.completeExceptionally(t);
      }
    });
    opened.orTimeout(10, TimeUnit.SECONDS).join();
  }

  void send(String text) {
    assertThat(socket.send(text)).isTrue();
  }

  /** {@return the next frame, parsed} (fails after 10 s) */
  @SuppressWarnings("unchecked")
  Map<String, Object> next() throws InterruptedException {
    String f = frames.poll(10, TimeUnit.SECONDS);
    assertThat(f).as("a frame within 10 s").isNotNull();
    return (Map<String, Object>) Json.parse(f);
  }

  @Override
  public void close() {
    socket.close(1000, null);
  }
}
