package org.partnershiptracker.query.report.web;

import java.util.List;
import java.util.Map;
import org.partnershiptracker.query.interaction.model.InteractionFrequency;
import org.partnershiptracker.query.milestone.model.MilestoneReport;
import org.partnershiptracker.query.milestone.model.MilestoneStatus;
import org.partnershiptracker.query.report.model.PartnershipReport;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile.OrganisationProfile;
import org.partnershiptracker.query.trust.model.TrustBuildingProfile.PracticeScore;
import org.springframework.web.util.HtmlUtils;

/**
 * The report as a page a person reads and prints: plain HTML with inline SVG charts, no script, so
 * it prints as it shows and works without network access.
 */
public final class ReportPage {
  private ReportPage() {}

  public static String html(PartnershipReport report) {
    TrustBuildingProfile trust = report.trust();
    StringBuilder page = new StringBuilder();
    page.append(
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
        <title>%s — partnership report %s</title>
        <style>
          body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
          h1{margin-bottom:0} .muted{color:#666} table{border-collapse:collapse;margin:1rem 0}
          td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
          .band{font-weight:bold;padding:.1rem .5rem;border-radius:.3rem;color:#fff}
          .AT_RISK{background:#b3261e}.DEVELOPING{background:#b26a00}.STRONG{background:#2e7d32}
          .cards{display:flex;gap:1rem;flex-wrap:wrap} .card{border:1px solid #ddd;border-radius:.5rem;padding:1rem;flex:1 1 18rem;max-width:28rem}
          svg{display:block;max-width:26rem;height:auto} svg.wide{max-width:56rem}
          @media print{.card{break-inside:avoid}}
        </style></head><body>
        """
            .formatted(esc(report.name()), report.asOf()));
    page.append("<h1>").append(esc(report.name())).append("</h1>");
    page.append("<p class=muted>Partnership report as of ")
        .append(report.asOf())
        .append(", trust window of ")
        .append(trust.windowDays())
        .append(" days from ")
        .append(trust.windowStart())
        .append(" to ")
        .append(report.asOf())
        .append("</p>");

    page.append("<h2>Trust building</h2><div class=cards>");
    page.append(
        card(
            "Whole partnership",
            trust.index(),
            trust.band(),
            trust.perceivedTrust(),
            trust.scores(),
            trust.recommendations()));
    for (OrganisationProfile organisation : trust.organisations()) {
      page.append(
          card(
              organisation.organisationName(),
              organisation.index(),
              organisation.band(),
              organisation.perceivedTrust(),
              organisation.scores(),
              organisation.recommendations()));
    }
    page.append("</div>");

    InteractionFrequency interactions = report.interactions();
    page.append("<h2>Interactions</h2><p>")
        .append(interactions.totalInteractions())
        .append(" interactions and ")
        .append(interactions.onSiteDays())
        .append(" on-site days from ")
        .append(interactions.from())
        .append(" to ")
        .append(interactions.to())
        .append("; last one ")
        .append(
            interactions.daysSinceLastInteraction() == null
                ? "never"
                : interactions.daysSinceLastInteraction() + " days ago")
        .append("; longest gap ")
        .append(
            interactions.longestGapDays() == null ? "–" : interactions.longestGapDays() + " days")
        .append("; ")
        .append(interactions.weeksWithoutContact())
        .append(" weeks without contact.</p>");
    page.append(weeklyChart(interactions.periods()));
    page.append(
        "<table><tr><th>Organisations</th><th>Interactions</th><th>On-site"
            + " days</th><th>Last</th></tr>");
    for (InteractionFrequency.OrganisationPair pair : interactions.organisationPairs()) {
      page.append("<tr><td>")
          .append(esc(pair.firstOrganisationName()))
          .append(" – ")
          .append(esc(pair.secondOrganisationName()))
          .append("</td><td>")
          .append(pair.interactions())
          .append("</td><td>")
          .append(pair.onSiteDays())
          .append("</td><td>")
          .append(pair.lastInteractionOn())
          .append("</td></tr>");
    }
    page.append("</table>");

    MilestoneReport milestones = report.milestones();
    page.append("<h2>Milestones and quick wins</h2><p>On-time rate: ")
        .append(
            milestones.onTimeRate() == null
                ? "no milestone has fallen due"
                : Math.round(100 * milestones.onTimeRate()) + "%")
        .append("; ")
        .append(milestones.quickWins())
        .append(" quick wins")
        .append(
            milestones.daysFromFormationToFirstQuickWin() == null
                ? ""
                : ", the first "
                    + milestones.daysFromFormationToFirstQuickWin()
                    + " days after formation")
        .append(
            ".</p><table><tr><th>Project</th><th>Milestone</th><th>Due</th><th>Status</th></tr>");
    for (MilestoneReport.MilestoneLine line : milestones.milestones()) {
      page.append("<tr><td>")
          .append(esc(line.projectTitle()))
          .append("</td><td>")
          .append(esc(line.title()))
          .append("</td><td>")
          .append(line.dueOn())
          .append("</td><td>")
          .append(status(line.status()))
          .append("</td></tr>");
    }
    // The links keep the page's date: the same report in another format, not today's.
    page.append("</table><p class=muted>Also as <a href=\"report?asOf=")
        .append(report.asOf())
        .append("\">JSON</a> and <a href=\"report.csv?asOf=")
        .append(report.asOf())
        .append("\">CSV</a>.</p></body></html>");
    return page.toString();
  }

  private static String card(
      String title,
      Double index,
      TrustBuildingProfile.Band band,
      Double perceived,
      List<PracticeScore> scores,
      List<TrustBuildingProfile.Recommendation> recommendations) {
    StringBuilder card =
        new StringBuilder("<div class=card><h3>")
            .append(esc(title))
            .append("</h3><p>Index <b>")
            .append(index == null ? "–" : index)
            .append("</b> ");
    if (band != null) {
      card.append("<span class=\"band ").append(band).append("\">").append(band).append("</span>");
    }
    card.append(" <span class=muted>perceived trust ")
        .append(perceived == null ? "–" : Math.round(100 * perceived) + "%")
        .append("</span></p>");
    card.append(scoreChart(scores));
    if (!recommendations.isEmpty()) {
      card.append("<p><b>What to do next</b></p><ul>");
      recommendations.forEach(r -> card.append("<li>").append(esc(r.text())).append("</li>"));
      card.append("</ul>");
    }
    return card.append("</div>").toString();
  }

  /** A horizontal bar per practice, 0..1; a practice with no evidence shows as "no evidence". */
  private static String scoreChart(List<PracticeScore> scores) {
    int row = 22;
    StringBuilder svg =
        new StringBuilder(
                "<svg role=img aria-label=\"practice scores\" width=\"100%\" viewBox=\"0 0 320 ")
            .append(scores.size() * row)
            .append("\">");
    for (int i = 0; i < scores.size(); i++) {
      PracticeScore score = scores.get(i);
      int y = i * row;
      svg.append("<text x=0 y=")
          .append(y + 15)
          .append(" font-size=12>")
          .append(score.code())
          .append("</text>");
      svg.append("<rect x=40 y=").append(y + 4).append(" width=220 height=14 fill=#eee />");
      if (score.score() != null) {
        String colour =
            score.score() < 0.5 ? "#b3261e" : score.score() < 0.7 ? "#b26a00" : "#2e7d32";
        svg.append("<rect x=40 y=")
            .append(y + 4)
            .append(" width=")
            .append(Math.round(220 * score.score()))
            .append(" height=14 fill=")
            .append(colour)
            .append(" />");
      }
      svg.append("<text x=266 y=")
          .append(y + 15)
          .append(" font-size=12>")
          .append(score.score() == null ? "no evidence" : String.format("%.2f", score.score()))
          .append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  /** Interactions per week as columns; on-site days in a darker shade. */
  private static String weeklyChart(List<InteractionFrequency.Period> periods) {
    int max =
        Math.max(
            1,
            periods.stream().mapToInt(InteractionFrequency.Period::interactions).max().orElse(1));
    double slot = 560.0 / Math.max(1, periods.size());
    StringBuilder svg =
        new StringBuilder(
            "<svg class=wide role=img aria-label=\"interactions per week\" width=\"100%\""
                + " viewBox=\"0 0 560 130\">");
    for (int i = 0; i < periods.size(); i++) {
      InteractionFrequency.Period period = periods.get(i);
      int height = 100 * period.interactions() / max;
      int onSite = 100 * period.onSiteDays() / max;
      String x = String.format(java.util.Locale.ROOT, "%.1f", i * slot);
      String width = String.format(java.util.Locale.ROOT, "%.1f", slot * 0.8);
      svg.append("<rect x=")
          .append(x)
          .append(" y=")
          .append(105 - height)
          .append(" width=")
          .append(width)
          .append(" height=")
          .append(height)
          .append(" fill=#90caf9><title>")
          .append(period.label())
          .append(": ")
          .append(period.interactions())
          .append("</title></rect>");
      svg.append("<rect x=")
          .append(x)
          .append(" y=")
          .append(105 - onSite)
          .append(" width=")
          .append(width)
          .append(" height=")
          .append(onSite)
          .append(" fill=#1565c0 />");
    }
    String first = periods.isEmpty() ? "" : periods.get(0).label();
    String last = periods.isEmpty() ? "" : periods.get(periods.size() - 1).label();
    return svg.append("<text x=0 y=124 font-size=11>")
        .append(first)
        .append(" … ")
        .append(last)
        .append(": interactions per week, of which on-site days (dark)</text></svg>")
        .toString();
  }

  private static String status(MilestoneStatus status) {
    return Map.of(
            MilestoneStatus.PLANNED_UPCOMING,
            "upcoming",
            MilestoneStatus.OVERDUE,
            "overdue",
            MilestoneStatus.ACHIEVED_ON_TIME,
            "achieved on time",
            MilestoneStatus.ACHIEVED_LATE_RESCHEDULED,
            "late (rescheduled)",
            MilestoneStatus.ACHIEVED_LATE,
            "achieved late",
            MilestoneStatus.MISSED,
            "missed")
        .get(status);
  }

  private static String esc(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text);
  }
}
