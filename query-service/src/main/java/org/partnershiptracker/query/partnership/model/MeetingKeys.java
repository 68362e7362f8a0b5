package org.partnershiptracker.query.partnership.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.partnershiptracker.events.partnership.MeetingHeld;
import org.partnershiptracker.events.value.Attendance;
import org.partnershiptracker.events.value.MeetingType;

/**
 * The kinds of meeting whose last day the read models need, as keys: any meeting, an on-site work
 * day (of anyone, or with a given organisation taking part), and a pair of organisations meeting.
 * One definition, used by the reference fold and by the materialised index alike.
 */
public final class MeetingKeys {
  public static final String ANY = "any";
  private static final String ON_SITE = "onsite";
  private static final String PAIR = "pair@";

  private MeetingKeys() {}

  /** On-site work days; with an organisation, those it took part in. */
  public static String onSite(String organisationIdOrNull) {
    return organisationIdOrNull == null ? ON_SITE : ON_SITE + "@" + organisationIdOrNull;
  }

  /** Two organisations meeting; the ids in order, so a pair has one key. */
  public static String pair(String first, String second) {
    return first.compareTo(second) < 0 ? PAIR + first + "|" + second : PAIR + second + "|" + first;
  }

  public static boolean isPair(String key) {
    return key.startsWith(PAIR);
  }

  /** The two organisation ids of a pair key, in order. */
  public static String[] organisationsOf(String pairKey) {
    return pairKey.substring(PAIR.length()).split("\\|");
  }

  /** The organisations that took part in a meeting: its host and every attendee organisation. */
  public static Set<String> participants(MeetingHeld meeting) {
    Set<String> organisations = new LinkedHashSet<>();
    organisations.add(meeting.hostOrganisationId().value());
    for (Attendance attendance : meeting.attendees()) {
      organisations.add(attendance.organisationId().value());
    }
    return organisations;
  }

  /** Every key a meeting counts for. */
  public static List<String> of(MeetingHeld meeting) {
    List<String> keys = new ArrayList<>();
    keys.add(ANY);
    List<String> organisations = new ArrayList<>(new TreeSet<>(participants(meeting)));
    if (meeting.type() == MeetingType.ON_SITE_WORK_DAY) {
      keys.add(onSite(null));
      organisations.forEach(o -> keys.add(onSite(o)));
    }
    for (int i = 0; i < organisations.size(); i++) {
      for (int j = i + 1; j < organisations.size(); j++) {
        keys.add(pair(organisations.get(i), organisations.get(j)));
      }
    }
    return keys;
  }
}
