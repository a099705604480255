/**
 * A mirror of an upstream Backpack-compatible exchange's <b>public</b> market data: the market list
 * with its filters, tickers, order books, trades, mark prices and open interest, loaded over REST at
 * start and kept current from the upstream's WebSocket streams (REST polling while the socket is
 * down). {@link dev.bpx.paper.upstream.UpstreamMirror} is the door; everything else here is its
 * parts.
 *
 * <p>The room's rules: it only ever sends unsigned GET requests and SUBSCRIBE frames for public
 * streams (nothing about accounts leaves the exchange), and it changes no engine state. What it
 * holds is a <em>view</em> that moves by itself; whatever of it changes an account must enter the
 * engine as a journaled command, so that a replay does not depend on the network.
 */
package dev.bpx.paper.upstream;
