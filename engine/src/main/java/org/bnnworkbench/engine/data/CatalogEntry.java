package org.bnnworkbench.engine.data;

/**
 * What the catalogue knows about one named data set, for a list in the UI or the CLI.
 *
 * @param location where it was found (a folder, or a classpath location for the embedded subset), or null if it
 *                 is not on this machine
 */
public record CatalogEntry(String name, String description, String location, String licence, String homepage) {

    public boolean found() {
        return location != null;
    }
}
