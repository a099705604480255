package dev.bpx.paper.upstream;

/**
 * The upstream's answer to a public read, as it sent it: for reads that change no state here (klines,
 * funding history), which the paper exchange passes on unchanged.
 */
public record PublicAnswer(int status, String contentType, String body) {}
