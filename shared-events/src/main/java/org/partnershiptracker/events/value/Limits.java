package org.partnershiptracker.events.value;

/**
 * Sizes the contract allows, stated once: events check them in their constructors and the HTTP
 * request types declare them, so a caller is refused with the same limit an event would enforce.
 */
public final class Limits {
  /** A partnership's or organisation's name, a project's, milestone's or quick win's title. */
  public static final int NAME = 200;

  /** A project's problem statement. */
  public static final int PROBLEM_STATEMENT = 4000;

  /** A shared vision, a project's outcome, why it was abandoned. */
  public static final int ACCOUNT = 2000;

  /** Why a partner left, a partnership closed or a milestone was missed or rescheduled. */
  public static final int REASON = 500;

  /** People of one organisation and level at one meeting. */
  public static final int ATTENDEES_PER_GROUP = 10_000;

  /** People at one meeting, all organisations and levels together (checked on input). */
  public static final int ATTENDEES_PER_MEETING = 10_000;

  /** The largest saving a quick win may claim, in pounds (checked on input). */
  public static final String MAX_SAVING_GBP = "1000000000";

  /** A meeting lasts at most a day. */
  public static final int MEETING_MINUTES = 24 * 60;

  private Limits() {}
}
