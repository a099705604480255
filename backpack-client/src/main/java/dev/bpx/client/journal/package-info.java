/**
 * The trade journal: an append-only, hash-chained record of every request that can change the account,
 * written to disk before the request is sent, with its outcome after. JSON Lines, one object per
 * line, each with {@code prevHash} = lowercase hex SHA-256 of the previous line's exact bytes, so that
 * anyone can check it with {@code sha256sum} and no code of ours. See {@link
 * dev.bpx.client.journal.JournalWriter} for the format's rules.
 */
package dev.bpx.client.journal;
