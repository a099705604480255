/**
 * Requests of the Backpack client: {@link dev.bpx.client.request.OrderRequest} and the other request
 * and query types, each built by a builder that checks the request before anything is sent and
 * reports every problem at once in a {@link dev.bpx.client.exception.ValidationException}; and
 * {@link dev.bpx.client.request.MarketRules}, the explicit tick/step rounding helper and market
 * filter check.
 *
 * <p>Builders are not thread-safe; the requests they build are immutable and thread-safe.
 */
package dev.bpx.client.request;
