package dev.bpx.client.journal;

/**
 * What {@link JournalVerifier#verify} found.
 *
 * @param intact whether every complete line chains to the one before it
 * @param files journal files read
 * @param lines complete lines checked (up to the first broken one)
 * @param brokenAt the first broken line as {@code file:line} (1-based), or null when intact
 * @param problem what is wrong with it, or null when intact
 * @param lastHash SHA-256 of the last good line: write it down elsewhere to anchor the chain's end
 * @param tornTail a torn (half-written) last line from a crash, or null; it does not break the chain
 */
public record JournalVerification(boolean intact, int files, int lines, String brokenAt, String problem,
    String lastHash, String tornTail) {}
