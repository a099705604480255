package dev.bpx.paper.command;

/**
 * A command with the exchange time (epoch ms) it runs at: the engine first advances to that time.
 * Immutable.
 */
public record TimedCommand(long time, Command command) {
  /** {@return the same command at another time} */
  public TimedCommand at(long otherTime) {
    return otherTime == time ? this : new TimedCommand(otherTime, command);
  }
}
