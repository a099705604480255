package dev.bpx.paper.http;

import dev.bpx.auth.json.Json;
import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.ParseError;
import dev.bpx.paper.command.TimedCommand;

/**
 * One HTTP request after routing and (for signed endpoints) signature checks.
 *
 * @param apiKey the verified X-API-Key, null on public endpoints
 * @param now exchange time in epoch ms when the request arrived
 */
record Request(String method, String path, String rawQuery, String body, String apiKey, long now) {
  Query query() {
    return new Query(rawQuery);
  }

  /** {@return a command (parsed from this request) at the time the request arrived} */
  TimedCommand timed(Command command) {
    return new TimedCommand(now, command);
  }

  /** {@return the body parsed as JSON; plain-text 400 when it does not parse} */
  Object json(String type) {
    if (body == null || body.isBlank()) {
      throw ParseError.payload(type, "expected a JSON body");
    }
    try {
      return Json.parse(body);
    } catch (IllegalArgumentException e) {
      throw ParseError.payload(type, "invalid JSON: " + e.getMessage());
    }
  }
}
