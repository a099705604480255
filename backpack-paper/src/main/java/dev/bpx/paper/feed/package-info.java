/**
 * Upstream mode's feed: turns the mirror's view of the upstream market ({@code upstream}) into the
 * journaled commands that change state ({@code Command.UpstreamData}). {@link dev.bpx.paper.feed.UpstreamGate}
 * runs before each order (the book slice it may walk, the marks that value the account);
 * {@link dev.bpx.paper.feed.UpstreamPump} runs once a second (mark prices and funding rates of the
 * markets accounts depend on, and the book where it crosses a user's resting order). Only values a
 * state change needs enter the journal, never the whole feed.
 */
package dev.bpx.paper.feed;
