/**
 * The events room: the values the engine publishes after each durable command (order and position
 * updates, trades, depth deltas, tickers...), free of JSON and of engine types. The engine and the
 * store produce them; the WebSocket front writes them as Backpack's stream payloads.
 */
package dev.bpx.paper.events;
