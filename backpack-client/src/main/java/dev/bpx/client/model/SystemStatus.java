package dev.bpx.client.model;

/**
 * The exchange status from {@code GET /api/v1/status}, e.g. {@code
 * {"status":"Ok","message":null}} (spec {@code StatusAndMessage}). See {@code backpack-api.md}
 * section 2.1.
 *
 * <p>Thread-safe.
 *
 * @param status {@code Ok} or {@code Maintenance}
 * @param message status message, or null
 */
public record SystemStatus(ExchangeStatus status, String message) {}
