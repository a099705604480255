package dev.bpx.mcp.tools;

import java.util.Map;
import java.util.Objects;

/**
 * One tool: its name, what the assistant reads about it, its schemas, its kind (which decides the
 * annotations and whether read-only mode hides it) and the handler that maps arguments to a client
 * call.
 *
 * @param legacyEnvelope true for the original server's write tools, whose results carry
 *     {@code success} and, on failure, {@code error}
 */
record ToolDef(
    String name,
    String title,
    String description,
    Schemas.ObjectSchema input,
    Map<String, Object> output,
    Kind kind,
    boolean legacyEnvelope,
    Handler handler) {

  /** What a tool does to the world: decides its annotations. */
  enum Kind {
    /** Reads exchange data; safe to repeat. */
    READ(true, false, true, true),
    /** Reads only the server's own state; no exchange call. */
    LOCAL_READ(true, false, true, false),
    /** Places orders or moves funds; repeating it repeats the effect. */
    WRITE(false, true, false, true),
    /** Cancels; repeating it has no further effect. */
    CANCEL(false, true, true, true),
    /** Changes settings to given values; repeating it has no further effect. */
    SETTING(false, false, true, true);

    final boolean readOnly;
    final boolean destructive;
    final boolean idempotent;
    final boolean openWorld;

    Kind(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
      this.readOnly = readOnly;
      this.destructive = destructive;
      this.idempotent = idempotent;
      this.openWorld = openWorld;
    }

    boolean writes() {
      return !readOnly;
    }
  }

  /** Maps parsed arguments to a result. Exceptions become {@code isError} results in the registry. */
  @FunctionalInterface
  interface Handler {
    Result handle(ToolArgs args);
  }

  /** A successful result: structured content (must match the output schema) and a short text rendering. */
  record Result(Map<String, Object> structured, String text) {}

  ToolDef {
    Objects.requireNonNull(name);
    Objects.requireNonNull(handler);
  }
}
