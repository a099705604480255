/**
 * The paper exchange: a local exchange that speaks Backpack's REST API.
 *
 * <p>Exported: {@code dev.bpx.paper} (the {@code PaperExchange} to embed, {@code PaperMain}, the
 * {@code PaperClock}) and {@code dev.bpx.paper.market}, whose specs and starting holdings the builder
 * takes. Every other package ("room": command, engine, matching, ledger, simulation, store, http, events; see
 * the README), {@code ws}, the WebSocket front, and {@code upstream}, the mirror of a real exchange's public data, are the exchange's own business. {@code PaperExchange.inspect} hands out the engine for
 * this module's tests and diagnostics only. The standalone jar is shaded and runs on the class path,
 * where this descriptor does not apply; it is checked when the module compiles, and when
 * {@code backpack-mcp}, which requires it, compiles.
 */
module dev.bpx.paper {
  requires dev.bpx.auth;
  requires java.net.http;
  requires jdk.httpserver;
  requires org.java_websocket;
  requires org.slf4j;

  exports dev.bpx.paper;
  exports dev.bpx.paper.market;
}
