package dev.bpx.paper.http;

import dev.bpx.auth.json.JsonWriter;
import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.CommandParser;
import dev.bpx.paper.command.Fields;
import dev.bpx.paper.store.JournaledEngine;
import java.util.function.LongConsumer;

/**
 * The control API under {@code /_paper/}, off unless enabled: set a price, advance time, fund or
 * reset an account. Unsigned (it is for tests and demos on loopback); accounts are named by
 * their API key in the body.
 */
final class ControlRoutes {
  private final JournaledEngine store;
  private final LongConsumer advanceClock;

  ControlRoutes(JournaledEngine store, LongConsumer advanceClock) {
    this.store = store;
    this.advanceClock = advanceClock;
  }

  void register(Router r) {
    r.add("POST", "/_paper/price", q -> run(q, CommandParser.setPrice(q.json("Control"))));
    r.add("POST", "/_paper/fund", q -> run(q, CommandParser.fund(key(q), q.json("Control"))));
    r.add("POST", "/_paper/reset", q -> run(q, new Command.Reset(key(q))));
    r.add("POST", "/_paper/advance", q -> {
      Fields f = new Fields(q.json("Advance"), "Advance");
      java.math.BigDecimal millis = f.decimal("millis");
      if (millis == null || millis.signum() < 0) {
        throw ApiError.badRequest("millis must be a non-negative number");
      }
      advanceClock.accept(millis.longValueExact());
      return Response.json(new JsonWriter().beginObject().field("ok", true).endObject());
    });
  }

  private static String key(Request q) {
    return new Fields(q.json("Control"), "Control").string("apiKey", true);
  }

  private Response run(Request q, Command command) {
    store.submit(q.timed(command));
    return Response.json(new JsonWriter().beginObject().field("ok", true).endObject());
  }
}
