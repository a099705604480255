package dev.bpx.mcp.tools;

import dev.bpx.mcp.config.Mode;
import dev.bpx.mcp.stdio.CancelledRequests;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@link ToolDef}s into MCP SDK tool specifications.
 *
 * <p>Every handler runs inside one guard: argument and client failures become {@code isError} results
 * with a message that says what to change and whether a retry can help, never protocol errors. Write
 * tools are left out entirely in read-only mode, and every write tool's result names the mode.
 *
 * <p>Thread-safe (stateless); the handlers it wraps are called concurrently by the SDK.
 */
public final class ToolRegistry {
  private static final Logger log = LoggerFactory.getLogger(ToolRegistry.class);

  private ToolRegistry() {}

  /** {@return the SDK specifications of {@code tools}, without write tools when {@code readOnly}} */
  static List<SyncToolSpecification> specifications(List<ToolDef> tools, ResultMode mode, boolean readOnly) {
    return specifications(tools, mode, readOnly, new CancelledRequests());
  }

  /** @param cancelled the calls the client cancelled, for the tools whose calls the stdin guard tags */
  static List<SyncToolSpecification> specifications(List<ToolDef> tools, ResultMode mode, boolean readOnly,
      CancelledRequests cancelled) {
    // mode is null when the configuration is wrong: then results name no mode.
    List<SyncToolSpecification> specs = new ArrayList<>();
    for (ToolDef def : tools) {
      if (readOnly && def.kind().writes()) {
        continue;
      }
      specs.add(specification(def, mode, cancelled));
    }
    return specs;
  }

  static SyncToolSpecification specification(ToolDef def, ResultMode mode) {
    return specification(def, mode, new CancelledRequests());
  }

  static SyncToolSpecification specification(ToolDef def, ResultMode mode, CancelledRequests cancelled) {
    return SyncToolSpecification.builder()
        .tool(tool(def))
        .callHandler((exchange, request) -> {
          Object requestKey = request.meta() == null ? null : request.meta().get(CancelledRequests.META_KEY);
          return call(def, request.arguments(), mode, new ElicitationConfirmation(exchange),
              () -> cancelled.isCancelled(requestKey));
        })
        .build();
  }

  /** {@return a specification that lists {@code def} and answers every call with {@code message}, reading no argument} */
  static SyncToolSpecification refusing(ToolDef def, String message) {
    return SyncToolSpecification.builder()
        .tool(tool(def))
        .callHandler((exchange, request) -> {
          log.info("tool {} refused: the configuration is wrong", def.name());
          return errorResult(def, message, null);
        })
        .build();
  }

  static McpSchema.Tool tool(ToolDef def) {
    ToolDef.Kind kind = def.kind();
    return McpSchema.Tool.builder()
        .name(def.name())
        .title(def.title())
        .description(def.description())
        .inputSchema(def.input().build())
        .outputSchema(def.output())
        .annotations(new McpSchema.ToolAnnotations(def.title(), kind.readOnly, kind.destructive, kind.idempotent, kind.openWorld, null))
        .build();
  }

  static CallToolResult call(ToolDef def, Map<String, Object> arguments, Mode mode) {
    return call(def, arguments, ResultMode.of(mode), UserConfirmation.NONE);
  }

  static CallToolResult call(ToolDef def, Map<String, Object> arguments, ResultMode mode, UserConfirmation confirmation) {
    return call(def, arguments, mode, confirmation, () -> false);
  }

  static CallToolResult call(ToolDef def, Map<String, Object> arguments, ResultMode mode, UserConfirmation confirmation,
      BooleanSupplier cancelled) {
    long started = System.nanoTime();
    try {
      ToolDef.Result result = def.handler().handle(new ToolArgs(arguments, def.input().names(), confirmation, cancelled));
      Map<String, Object> structured = new LinkedHashMap<>(result.structured());
      String text = result.text();
      if (def.kind().writes() && mode != null) {
        mode.annotate(structured, def.output());
        text = "[" + mode.label() + "] " + text;
      }
      log.debug("tool {} ok in {} ms", def.name(), (System.nanoTime() - started) / 1_000_000);
      return CallToolResult.builder().structuredContent(structured).addTextContent(text).build();
    } catch (RuntimeException | AssertionError | LinkageError failure) {
      // AssertionError: Moshi wraps some decoding failures in it; it must not become a protocol error.
      String message = ToolErrors.describe(failure);
      if (expected(failure)) {
        // One line: the assistant has the whole message; a stack trace per call would bury the log.
        log.info("tool {} refused: {}", def.name(), failure.getClass().getSimpleName());
      } else {
        log.error("tool {} failed unexpectedly", def.name(), failure);
      }
      if (def.kind().writes() && mode != null) {
        message = "[" + mode.label() + "] " + message;
      }
      return errorResult(def, message, mode);
    }
  }

  private static boolean expected(Throwable failure) {
    return failure instanceof ToolInputException || failure instanceof OrderNotConfirmedException
        || failure instanceof java.util.concurrent.CancellationException
        || failure instanceof dev.bpx.client.exception.BackpackException
        || failure instanceof dev.bpx.mcp.config.ConfigException || failure instanceof dev.bpx.mcp.PaperAccountInUseException
        || failure instanceof dev.bpx.mcp.PaperStateException;
  }

  /**
   * {@return an {@code isError} result carrying {@code message} as its text}
   *
   * <p>Strict clients (the TypeScript SDK, Claude Desktop) validate {@code structuredContent} against
   * the tool's output schema on error results too, and the MCP spec allows no exception for errors.
   * So only the original write tools, whose schemas declare {@code success}/{@code error}, carry
   * structured content on failure; every other tool's error is text only. Clients that drop
   * structured content on errors (Claude Code) read the same message in {@code content[0]}.
   */
  static CallToolResult errorResult(ToolDef def, String message, ResultMode mode) {
    CallToolResult.Builder result = CallToolResult.builder().addTextContent(message).isError(true);
    if (def.legacyEnvelope()) {
      Map<String, Object> structured = new LinkedHashMap<>();
      structured.put("success", false);
      structured.put("error", message);
      if (def.kind().writes() && mode != null) {
        mode.annotate(structured, def.output());
      }
      result.structuredContent(structured);
    }
    return result.build();
  }
}
