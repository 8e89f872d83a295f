/**
 * Every error code an answer can carry, grouped by the function (or layer) that gives it.
 * Callers branch on the code and people read the message, so a code is part of the contract:
 * `DomainError` and the envelope's `Failure` take only codes listed here (a typo or a new code
 * not added here fails to compile), and the app compares through these constants, never a string.
 */
export const Errors = {
  /** Any action may answer these: the runtime's own (input, caller, access, lookups, store). */
  common: {
    InputInvalid: 'INPUT.INVALID',
    ActionUnknown: 'ACTION.UNKNOWN',
    AuthRequired: 'AUTH.REQUIRED',
    AccessDenied: 'ACCESS.DENIED',
    NotFound: 'NOT_FOUND',
    VersionConflict: 'STORE.VERSION_CONFLICT',
    Internal: 'INTERNAL',
  },
  /** Uploaded files (the file source, the local server's upload route). */
  files: {
    NotFound: 'FILE.NOT_FOUND',
    TooLarge: 'FILE.TOO_LARGE',
  },
  /** Before a function is reached: the local HTTP server and the app's transport. */
  transport: {
    InputTooLarge: 'INPUT.TOO_LARGE',
    FunctionUnknown: 'FUNCTION.UNKNOWN',
    BadResponse: 'TRANSPORT.BAD_RESPONSE',
  },
  /** A configuration file read at start is wrong: never the caller's doing. */
  config: {
    CalendarRuleInvalid: 'CALENDAR.RULE_INVALID',
    DutyCalendarInvalid: 'DUTY.CALENDAR_INVALID',
    DutyConfigInvalid: 'DUTY.CONFIG_INVALID',
    PlacesInvalid: 'PLACES.CONFIG_INVALID',
  },
  assistants: {
    AlreadyAnswered: 'ASSISTANT.ALREADY_ANSWERED',
    AlreadyChecked: 'ASSISTANT.ALREADY_CHECKED',
    AlreadyDecided: 'ASSISTANT.ALREADY_DECIDED',
    AlreadySelected: 'ASSISTANT.ALREADY_SELECTED',
    CallClosed: 'ASSISTANT.CALL_CLOSED',
    ChangeExists: 'ASSISTANT.CHANGE_EXISTS',
    ChangeWindow: 'ASSISTANT.CHANGE_WINDOW',
    ClassTaken: 'ASSISTANT.CLASS_TAKEN',
    DeadlinePast: 'ASSISTANT.DEADLINE_PAST',
    MonthOutsideYear: 'ASSISTANT.MONTH_OUTSIDE_YEAR',
    NoneSelected: 'ASSISTANT.NONE_SELECTED',
    NotAssigned: 'ASSISTANT.NOT_ASSIGNED',
    NotConfirmed: 'ASSISTANT.NOT_CONFIRMED',
    NotEligible: 'ASSISTANT.NOT_ELIGIBLE',
    NotGraduate: 'ASSISTANT.NOT_GRADUATE',
    NotInPublicity: 'ASSISTANT.NOT_IN_PUBLICITY',
    NotListed: 'ASSISTANT.NOT_LISTED',
    NotOwner: 'ASSISTANT.NOT_OWNER',
    NotReviewed: 'ASSISTANT.NOT_REVIEWED',
    ObjectionsOpen: 'ASSISTANT.OBJECTIONS_OPEN',
    OtherCollege: 'ASSISTANT.OTHER_COLLEGE',
    PublicityRunning: 'ASSISTANT.PUBLICITY_RUNNING',
    SamePerson: 'ASSISTANT.SAME_PERSON',
    TooManyClasses: 'ASSISTANT.TOO_MANY_CLASSES',
    WrongStage: 'ASSISTANT.WRONG_STAGE',
    YearPast: 'ASSISTANT.YEAR_PAST',
  },
  campus: {
    DatesInvalid: 'CALENDAR.DATES_INVALID',
  },
  checkins: {
    ClientIdReused: 'CHECKIN.CLIENT_ID_REUSED',
    DormNotOfClass: 'CHECKIN.DORM_NOT_OF_CLASS',
    NotInClass: 'CHECKIN.NOT_IN_CLASS',
    NotResident: 'CHECKIN.NOT_RESIDENT',
    PlaceUnknown: 'CHECKIN.PLACE_UNKNOWN',
    ResidentMissing: 'CHECKIN.RESIDENT_MISSING',
    ResidentTwice: 'CHECKIN.RESIDENT_TWICE',
  },
  documents: {
    ArchiveChecksum: 'ARCHIVE.CHECKSUM',
    ArchiveSemesterFuture: 'ARCHIVE.SEMESTER_FUTURE',
  },
  duties: {
    CalendarGap: 'DUTY.CALENDAR_GAP',
    CaseInvalid: 'DUTY.CASE_INVALID',
    NowInvalid: 'DUTY.NOW_INVALID',
    RecordInvalid: 'DUTY.RECORD_INVALID',
    SemesterUnknown: 'DUTY.SEMESTER_UNKNOWN',
  },
  notices: {
    NoticeAlreadyAcknowledged: 'NOTICE.ALREADY_ACKNOWLEDGED',
    NoticeNoOpenObjection: 'NOTICE.NO_OPEN_OBJECTION',
    NoticeObjectionOpen: 'NOTICE.OBJECTION_OPEN',
    NoticeObjectionResolved: 'NOTICE.OBJECTION_RESOLVED',
    NoticeSuperseded: 'NOTICE.SUPERSEDED',
    BindingBusy: 'BINDING.BUSY',
    BindingExpired: 'BINDING.EXPIRED',
    BindingInvalid: 'BINDING.INVALID',
    BindingLocked: 'BINDING.LOCKED',
    BindingNoPhone: 'BINDING.NO_PHONE',
    BindingPhoneMismatch: 'BINDING.PHONE_MISMATCH',
    BindingPhoneUnavailable: 'BINDING.PHONE_UNAVAILABLE',
    BindingPhoneUnverified: 'BINDING.PHONE_UNVERIFIED',
    BindingProofMismatch: 'BINDING.PROOF_MISMATCH',
    BindingStaffWechat: 'BINDING.STAFF_WECHAT',
    BindingStudentWechat: 'BINDING.STUDENT_WECHAT',
    BindingUsed: 'BINDING.USED',
  },
  reports: {
    NoCollege: 'REPORTS.NO_COLLEGE',
    NotPublished: 'REPORTS.NOT_PUBLISHED',
    KpiFileUnreadable: 'KPI.FILE_UNREADABLE',
    KpiNoHeader: 'KPI.NO_HEADER',
  },
  roster: {
    AssistantFull: 'ROSTER.ASSISTANT_FULL',
    CollegeRequired: 'ROSTER.COLLEGE_REQUIRED',
    FileUnusable: 'ROSTER.FILE_UNUSABLE',
    NotFound: 'ROSTER.NOT_FOUND',
    OtherCollege: 'ROSTER.OTHER_COLLEGE',
    InviteAlreadyJoined: 'INVITE.ALREADY_JOINED',
    InviteBusy: 'INVITE.BUSY',
    InviteExpired: 'INVITE.EXPIRED',
    InviteInvalid: 'INVITE.INVALID',
    InviteLocked: 'INVITE.LOCKED',
    InviteProofMismatch: 'INVITE.PROOF_MISMATCH',
    InviteUsed: 'INVITE.USED',
    InviteWechatTaken: 'INVITE.WECHAT_TAKEN',
  },
  support: {
    MeetingInPast: 'MEETING.IN_PAST',
    MeetingNotInvited: 'MEETING.NOT_INVITED',
    MeetingNotOpen: 'MEETING.NOT_OPEN',
    MeetingNotParentMeeting: 'MEETING.NOT_PARENT_MEETING',
    MeetingNotRecorded: 'MEETING.NOT_RECORDED',
    MeetingNotScheduled: 'MEETING.NOT_SCHEDULED',
    MeetingNotStarted: 'MEETING.NOT_STARTED',
    MeetingProposedTime: 'MEETING.PROPOSED_TIME',
    MeetingStudentNotInClass: 'MEETING.STUDENT_NOT_IN_CLASS',
    MeetingTooFar: 'MEETING.TOO_FAR',
    PairingHelpeeUnknown: 'PAIRING.HELPEE_UNKNOWN',
    PairingHelperCollege: 'PAIRING.HELPER_COLLEGE',
    PairingHelperUnknown: 'PAIRING.HELPER_UNKNOWN',
    PairingHelperWarned: 'PAIRING.HELPER_WARNED',
    PairingOutOfOrder: 'PAIRING.OUT_OF_ORDER',
    PlanCourseRepeated: 'PLAN.COURSE_REPEATED',
    PlanCourseUnknown: 'PLAN.COURSE_UNKNOWN',
    PlanLinesMissing: 'PLAN.LINES_MISSING',
    PlanLocked: 'PLAN.LOCKED',
    PlanNotApproved: 'PLAN.NOT_APPROVED',
    PlanNotEditable: 'PLAN.NOT_EDITABLE',
    PlanNotReviewer: 'PLAN.NOT_REVIEWER',
    PlanNotSubmitted: 'PLAN.NOT_SUBMITTED',
    PlanSignature: 'PLAN.SIGNATURE',
    PlanWarningClosed: 'PLAN.WARNING_CLOSED',
    /** Also answered by checkins' quick talk, which records the same talk. */
    TalkTalkerRole: 'TALK.TALKER_ROLE',
    TalkInFuture: 'TALK.IN_FUTURE',
    TalkMeetingMismatch: 'TALK.MEETING_MISMATCH',
    TalkTooOld: 'TALK.TOO_OLD',
  },
  warnings: {
    RunDiscarded: 'RUN.DISCARDED',
    RunOldSemester: 'RUN.OLD_SEMESTER',
    RunOutdated: 'RUN.OUTDATED',
    RunPublished: 'RUN.PUBLISHED',
    RunPublishing: 'RUN.PUBLISHING',
    RunStale: 'RUN.STALE',
    PolicyUnknown: 'POLICY.UNKNOWN',
    ManualNotAllowed: 'MANUAL.NOT_ALLOWED',
    ManualRejected: 'MANUAL.REJECTED',
    WarningClosed: 'WARNING.CLOSED',
  },
} as const;

type Catalogue = typeof Errors;
/** Any code in the catalogue. */
export type ErrorCode = { [G in keyof Catalogue]: Catalogue[G][keyof Catalogue[G]] }[keyof Catalogue];
/** The codes any action may answer whatever it declares (see `Errors.common`). */
export type CommonErrorCode = (typeof Errors.common)[keyof typeof Errors.common];

/**
 * The generic codes by name, as before the catalogue (`ErrorCode.AccessDenied`). The type of the
 * same name is the whole catalogue.
 */
export const ErrorCode = Errors.common;

/** Every code in the catalogue, for tests and for checking a code that came over the wire. */
export const allErrorCodes: ReadonlySet<string> = new Set(
  Object.values(Errors).flatMap((group) => Object.values(group)),
);

export function isErrorCode(code: string): code is ErrorCode {
  return allErrorCodes.has(code);
}
