package dev.bpx.paper.http;

/** One endpoint. */
@FunctionalInterface
interface Handler {
  Response handle(Request request);
}
