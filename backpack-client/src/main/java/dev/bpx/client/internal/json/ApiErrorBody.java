package dev.bpx.client.internal.json;

/**
 * A JSON error body {@code {"code":"INVALID_CLIENT_REQUEST","message":"Invalid market symbol"}}
 * (spec {@code ApiErrorResponse}). Batch error items add {@code "operation":"Err"}, which is
 * ignored here. Not every error body is JSON: parameter-parsing failures are plain text, so
 * callers must tolerate a failed decode. See {@code backpack-api.md} section 7.1.
 *
 * <p>{@code code} stays a {@code String} (an open set, section 7.2). Thread-safe.
 *
 * @param code error code, e.g. {@code INVALID_CLIENT_REQUEST}, or null
 * @param message human-readable message, or null
 */
public record ApiErrorBody(String code, String message) {}
