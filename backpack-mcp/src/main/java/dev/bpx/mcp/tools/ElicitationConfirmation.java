package dev.bpx.mcp.tools;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UserConfirmation} through MCP elicitation ({@code elicitation/create}, form mode): the host
 * shows the summary and a single yes/no field, which every host that supports forms can render.
 *
 * <p>The wait is bounded here, not by the SDK's request timeout, so the answer comes back before the
 * host's own timeout for the tool call; an answer that arrives later is ignored.
 *
 * <p>Thread-safe.
 */
final class ElicitationConfirmation implements UserConfirmation {
  private static final Logger log = LoggerFactory.getLogger(ElicitationConfirmation.class);
  /** The one field of the form. */
  static final String FIELD = "confirm";
  static final Map<String, Object> SCHEMA = Map.of(
      "type", "object",
      "properties", Map.of(FIELD, Map.of("type", "boolean", "title", "Place this order?",
          "description", "Tick to place the order; leave unticked or decline to cancel it.", "default", false)),
      "required", List.of(FIELD));

  private final McpSyncServerExchange exchange;

  ElicitationConfirmation(McpSyncServerExchange exchange) {
    this.exchange = exchange;
  }

  @Override
  public Answer ask(String summary, Duration timeout) {
    McpSchema.ClientCapabilities capabilities = exchange.getClientCapabilities();
    McpSchema.ClientCapabilities.Elicitation elicitation = capabilities == null ? null : capabilities.elicitation();
    // An empty elicitation capability means form mode (MCP 2025-06-18); one that lists only url mode cannot show a form.
    if (elicitation == null || (elicitation.form() == null && elicitation.url() != null)) {
      return Answer.unsupported();
    }
    McpSchema.ElicitRequest request = McpSchema.ElicitFormRequest.builder(summary, SCHEMA).build();
    // A thread of its own per question (orders are rare), a daemon so that a question still waiting
    // never keeps the process alive; the SDK's call blocks it until the answer or the SDK's timeout.
    CompletableFuture<McpSchema.ElicitResult> answer = CompletableFuture.supplyAsync(() -> exchange.createElicitation(request), task -> {
      Thread thread = new Thread(task, "bpx-confirmation");
      thread.setDaemon(true);
      thread.start();
    });
    try {
      return read(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      answer.cancel(true);
      log.info("order confirmation: no answer within {} s; the order is not placed", timeout.toSeconds());
      return Answer.of(Answer.Kind.TIMED_OUT);
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      return new Answer(Answer.Kind.FAILED, "the server is shutting down");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      log.info("order confirmation failed: {}", cause.toString());
      return new Answer(Answer.Kind.FAILED, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
  }

  /** Only an accept whose field is the JSON boolean true confirms; anything else does not. */
  static Answer read(McpSchema.ElicitResult result) {
    if (result == null || result.action() == null) {
      return new Answer(Answer.Kind.FAILED, "the client answered without an action");
    }
    switch (result.action()) {
      case ACCEPT:
        Object value = result.content() == null ? null : result.content().get(FIELD);
        return Answer.of(Boolean.TRUE.equals(value) ? Answer.Kind.CONFIRMED : Answer.Kind.DECLINED);
      case DECLINE:
        return Answer.of(Answer.Kind.DECLINED);
      case CANCEL:
        return Answer.of(Answer.Kind.CANCELLED);
      default:
        return new Answer(Answer.Kind.FAILED, "unknown action " + result.action());
    }
  }
}
