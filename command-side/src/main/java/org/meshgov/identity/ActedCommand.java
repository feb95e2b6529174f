package org.meshgov.identity;

/** A command that someone asked for; their id goes into the metadata of every event it causes. */
public interface ActedCommand {

    Actor actor();
}
