package org.partnershiptracker.command.partnership.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * CSV imports ({@code tracker.imports.*}).
 *
 * @param synchronousRows a file with at most this many rows is recorded while the request waits
 *     (200); a larger one runs as an import job (202)
 * @param maxBytes the largest CSV file read (the other endpoints read at most 1 MiB)
 * @param jobsKept how many finished import jobs' progress records are kept in memory to be read
 */
@ConfigurationProperties("tracker.imports")
public record ImportProperties(
    @DefaultValue("500") int synchronousRows,
    @DefaultValue("16MB") DataSize maxBytes,
    @DefaultValue("100") int jobsKept) {}
