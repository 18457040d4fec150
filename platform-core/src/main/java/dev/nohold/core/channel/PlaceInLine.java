package dev.nohold.core.channel;

import java.util.OptionalLong;

/**
 * Where a customer's request stands in the dispatcher's line, in numbers a channel turns into its own words.
 *
 * @param withAgent        an agent has it already (the other figures are then zero)
 * @param position         1 for the next in line; a request not yet queued counts behind everyone queued
 * @param freeAgentPlaces  how many more requests the agents available now can take at once
 * @param minutes          the expected wait at the pace agents took requests during the window asked for, or
 *                         empty when nothing was assigned in it (no pace to go by)
 */
public record PlaceInLine(boolean withAgent, long position, long freeAgentPlaces, OptionalLong minutes) {

    /** Agents free right now can take everyone up to this place. */
    public boolean takenInAMoment() {
        return !withAgent && freeAgentPlaces >= position;
    }
}
