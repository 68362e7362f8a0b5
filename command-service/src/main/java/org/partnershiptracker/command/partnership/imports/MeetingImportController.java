package org.partnershiptracker.command.partnership.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.partnershiptracker.command.partnership.imports.MeetingCsv.Parsed;
import org.partnershiptracker.command.partnership.imports.MeetingCsv.RowError;
import org.partnershiptracker.command.rules.NotFound;
import org.partnershiptracker.command.web.LargerBodies;
import org.partnershiptracker.command.web.Problems;
import org.partnershiptracker.command.web.access.CurrentCaller;
import org.partnershiptracker.events.access.Caller;
import org.partnershiptracker.events.value.PartnershipId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * CSV import of meetings: every row is read and validated first (any invalid row: 400 naming every
 * bad row and column, nothing recorded); then each row's command goes through the command path for
 * the caller. Small files are recorded while the request waits (200); larger ones run as an import
 * job (202, progress at {@code Location}).
 */
@RestController
@RequestMapping("/api/partnerships/{partnershipId}/imports")
@Tag(name = "Imports", description = "Bring a partnership's history in from a spreadsheet (CSV)")
class MeetingImportController implements LargerBodies {
  static final String TEXT_CSV = "text/csv";
  private static final Pattern IMPORT_PATH =
      Pattern.compile("/api/partnerships/[^/]+/imports/meetings/?");

  private final MeetingCsv csv;
  private final MeetingImports imports;
  private final ImportProperties properties;

  MeetingImportController(
      Validator validator, MeetingImports imports, ImportProperties properties) {
    this.csv = new MeetingCsv(validator);
    this.imports = imports;
    this.properties = properties;
  }

  @Override
  public OptionalLong maxBytes(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
            && IMPORT_PATH.matcher(request.getRequestURI()).matches()
        ? OptionalLong.of(properties.maxBytes().toBytes())
        : OptionalLong.empty();
  }

  @GetMapping(path = "/meetings/template.csv", produces = TEXT_CSV)
  @Operation(summary = "The CSV template of a meeting import: the header row and one example row")
  ResponseEntity<String> template(@PathVariable PartnershipId partnershipId) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
        .header(
            "Content-Disposition",
            ContentDisposition.attachment().filename("meetings-template.csv").build().toString())
        .body(MeetingCsv.TEMPLATE);
  }

  @PostMapping(path = "/meetings", consumes = TEXT_CSV)
  @Operation(
      summary = "Import meetings from CSV (UTF-8, header row; see the template)",
      description =
          "200 {imported, unchanged, meetingIds} for up to tracker.imports.synchronous-rows rows;"
              + " 202 with Location of the import job beyond; 400 naming every bad row and column")
  ResponseEntity<Object> importMeetings(
      @PathVariable PartnershipId partnershipId,
      @RequestBody(required = false) byte[] body,
      HttpServletRequest request) {
    String charset = request.getCharacterEncoding();
    if (charset != null
        && !charset.equalsIgnoreCase("utf-8")
        && !charset.equalsIgnoreCase("utf8")) {
      return problem(
          Problems.describe(
              Problems.problem(
                  HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                  "unsupported-media-type",
                  "Unsupported Media Type",
                  "a CSV file is read as UTF-8: send charset=utf-8 or no charset, not " + charset),
              "Content-Type"));
    }
    Parsed parsed;
    try {
      parsed = csv.read(partnershipId, text(body == null ? new byte[0] : body));
    } catch (CharacterCodingException e) {
      parsed =
          new Parsed(
              List.of(), List.of(new RowError(1, MeetingCsv.WHOLE_ROW, "the file is not UTF-8")));
    }
    if (!parsed.errors().isEmpty()) {
      return invalid(parsed.errors());
    }
    Caller caller =
        CurrentCaller.get()
            .orElseThrow(() -> new IllegalStateException("an import without a signed-in caller"));
    if (parsed.rows().size() > properties.synchronousRows()) {
      MeetingImports.Job job = imports.start(caller, partnershipId, parsed.rows());
      URI progress =
          ServletUriComponentsBuilder.fromCurrentContextPath()
              .path("/api/partnerships/{id}/imports/{importId}")
              .buildAndExpand(partnershipId.value(), job.importId)
              .toUri();
      return ResponseEntity.accepted().location(progress).body(job.view());
    }
    try {
      MeetingImports.Result result = imports.runNow(caller, partnershipId, parsed.rows());
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("partnershipId", partnershipId.value());
      answer.put("imported", result.imported());
      answer.put("unchanged", result.unchanged());
      answer.put("meetingIds", result.meetingIds());
      return ResponseEntity.ok(answer);
    } catch (MeetingImports.Stopped stopped) {
      Problems.Outcome outcome =
          Problems.outcomeOf(stopped.failure()).orElseThrow(stopped::failure);
      ProblemDetail problem = outcome.problem();
      problem.setDetail("row " + stopped.row() + ": " + problem.getDetail());
      problem.setProperty("row", stopped.row());
      problem.setProperty("imported", stopped.before().imported());
      problem.setProperty("unchanged", stopped.before().unchanged());
      problem.setProperty("meetingIds", stopped.before().meetingIds());
      return problem(problem);
    }
  }

  @GetMapping("/{importId}")
  @Operation(summary = "An import job's progress: RUNNING, COMPLETED or FAILED (naming the row)")
  MeetingImports.View job(
      @PathVariable PartnershipId partnershipId, @PathVariable String importId) {
    return imports
        .job(partnershipId, importId)
        .map(MeetingImports.Job::view)
        .orElseThrow(
            () ->
                new NotFound(
                    "no import '"
                        + importId
                        + "' of partnership '"
                        + partnershipId.value()
                        + "' (import jobs are kept in memory: a restart forgets them)"));
  }

  private ResponseEntity<Object> invalid(List<RowError> errors) {
    long rows = errors.stream().mapToLong(RowError::row).distinct().count();
    imports.countInvalid((int) rows);
    ProblemDetail problem =
        Problems.problem(
            HttpStatus.BAD_REQUEST,
            "invalid-request",
            "Invalid request",
            rows + (rows == 1 ? " row is" : " rows are") + " invalid; nothing was recorded");
    problem.setProperty("errors", errors.stream().map(RowError::asMap).toList());
    return problem(problem);
  }

  private static ResponseEntity<Object> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** The body as UTF-8 text, refusing malformed bytes; a leading byte order mark is dropped. */
  private static String text(byte[] body) throws CharacterCodingException {
    String text =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(body))
            .toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
