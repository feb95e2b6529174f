package org.meshgov.contract.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code catalog_contract_version}, every column, as the handlers of the
 * {@value ContractCatalogProjection#PROCESSING_GROUP} processing group change it. The handlers change
 * rows only through {@link CatalogVersionStore}, which reads and writes them whole: one piece of code
 * decides what an event does to a row, whether the event is handled live, in a batch or by the bulk
 * rebuild.
 *
 * <p>{@code changes} and {@code document} hold JSON text; {@code reviews} and {@code escalations}
 * the JSON text of each element of their arrays, oldest first.
 */
public final class CatalogVersionRow {

    public record Key(String contractId, String version) {
    }

    final Key key;
    long major;
    long minor;
    long patch;
    int revision;
    String status;
    String domain;
    String name;
    String description;
    String propertyNames;
    String proposedBy;
    Instant proposedAt;
    Instant decidedAt;
    Instant publishedAt;
    String contentHash;
    String comparedWith;
    String changeLevel;
    String changes;
    String document;
    final List<String> reviews = new ArrayList<>();
    final List<String> escalations = new ArrayList<>();
    String statusReason;
    Instant sunset;
    String replacementVersion;
    String deprecationId;

    CatalogVersionRow(Key key) {
        this.key = key;
    }

    public Key key() {
        return key;
    }

    public String status() {
        return status;
    }

    /** What the deprecation handlers of the group change (they own these columns). */
    public void deprecated(Instant sunset, String replacementVersion, String deprecationId, String reason) {
        this.status = "DEPRECATED";
        this.sunset = sunset;
        this.replacementVersion = replacementVersion;
        this.deprecationId = deprecationId;
        this.statusReason = reason;
    }

    public void sunsetExtended(Instant sunset) {
        this.sunset = sunset;
    }

    public void retired(String reason) {
        this.status = "RETIRED";
        this.statusReason = reason;
    }

    public void deprecationCancelled() {
        this.status = "PUBLISHED";
        this.sunset = null;
        this.replacementVersion = null;
        this.deprecationId = null;
        this.statusReason = null;
    }

    static String jsonArray(List<String> elements) {
        return "[" + String.join(", ", elements) + "]";
    }
}
