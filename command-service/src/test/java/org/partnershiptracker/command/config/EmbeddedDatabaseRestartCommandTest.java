package org.partnershiptracker.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart runs pg_ctl beside the recorded program, with the recorded options, waits, and logs
 * to the data directory.
 */
class EmbeddedDatabaseRestartCommandTest {
  @TempDir Path data;

  @Test
  void aRestartStartsTheServerWithTheOptionsItLastRanWith() throws IOException {
    Files.writeString(
        data.resolve("postmaster.opts"),
        "/tmp/embedded-pg/PG-1/bin/postgres \"-D\" \"/srv/data\" \"-p\" \"45309\" \"-F\" \"-c\""
            + " \"fsync=on\"\n");

    List<String> command = EmbeddedDatabase.restartCommand(data);

    int pgCtl = command.indexOf("/tmp/embedded-pg/PG-1/bin/pg_ctl");
    assertThat(pgCtl).as("pg_ctl beside the recorded postgres").isNotNegative();
    assertThat(command.subList(pgCtl + 1, command.size()))
        .containsExactly(
            "start",
            "-D",
            data.toString(),
            "-w",
            "-t",
            "60",
            "-l",
            data.resolve("postgresql.log").toString(),
            "-o",
            "\"-D\" \"/srv/data\" \"-p\" \"45309\" \"-F\" \"-c\" \"fsync=on\"");
  }

  @Test
  void anOptionsFileItCannotReadIsAnErrorNotAGuess() throws IOException {
    Files.writeString(data.resolve("postmaster.opts"), "postgres\n");

    assertThatThrownBy(() -> EmbeddedDatabase.restartCommand(data))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("postmaster.opts");
  }
}
