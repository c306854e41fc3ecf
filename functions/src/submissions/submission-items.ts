/** The entities of the submissions context as stored (their keys stay with `SubmissionRepository`). */
import type { SubmissionStatus } from '@shared/schemas/submission';
import type { HandOnState } from '@shared/submission/hand-on';

/** A resident's suggestion or complaint (意见建议) and where it stands in the closed loop. */
export interface Submission {
  id: string;
  studioId: string;
  studioName: string;
  standId?: string;
  venueName?: string;
  /** The resident's account; absent for 代填 on behalf of someone without a phone. */
  residentId?: string;
  source: 'resident' | 'on_behalf';
  sourceNote?: string;
  enteredBy?: string;
  category: string;
  text: string;
  place?: string;
  /** 网格 / 院落 chosen at submission (its name as it was then). */
  gridId?: string;
  gridName?: string;
  /** Keys of up to 3 checked photos in object storage (shown through signed addresses, never on the board). */
  photos?: string[];
  public: boolean;
  /**
   * Given with the consent tick only; never shown on the board, masked in exports. Stored in the submission's contact
   * item, not on the submission (DynamoDB's TTL deletes it when its retention ends): read it with `contactsOf`.
   */
  phone?: string;
  /** A phone was left with it and is still kept (privacy/retention.ts). */
  hasContact?: boolean;
  /** Set when resolved: the phone is kept until then (`PERSONAL_CONTACT_RETENTION_DAYS` later); absent while open. */
  contactKeptUntil?: string;
  /** Its resident deleted their account: no author, no phone or photos, the text only if it was on the board (masked). */
  anonymisedAt?: string;
  /** 'review': accepted, but kept off the public board until a representative approves it. */
  contentVerdict: 'pass' | 'review';
  status: SubmissionStatus;
  createdAt: string;
  acceptDueDate: string;
  replyDueDate: string;
  /** 紧急: accept by this instant, act (answer) by that one (URGENT_HOURS after it came). */
  urgent?: boolean;
  acceptDueAt?: string;
  actDueAt?: string;
  /** Years whose national calendar was not entered when the deadlines were counted (weekends only for them). */
  weekendsOnlyYears?: number[];
  /** Optimistic lock: every change is conditional on the version it read. */
  version: number;
  triage?: 'major' | 'minor' | 'private';
  department?: string;
  departmentDueDate?: string;
  /** The department of the studio's list it is handed to (departments/), and that hand-on as it stands now. */
  departmentId?: string;
  handOn?: CurrentHandOn;
  acceptedAt?: string;
  /** The representative who accepted it: told when the resident chases (催办). */
  handlerId?: string;
  /** When the resident chased it (催办, once per matter), and when the daily job reported it to the admin (超期上报). */
  chasedAt?: string;
  /** 需补充: the question asked of the resident, until they answer. */
  moreAsked?: { question: string; at: string };
  escalatedAt?: string;
  firstReplyAt?: string;
  resolvedAt?: string;
  /** How the last resolution closed it (办结), and why when not fixed. */
  closure?: 'fixed' | 'not_our_duty' | 'cannot_fix' | 'duplicate' | 'long_term';
  closureNote?: string;
  rating?: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
  ratingComment?: string;
  /** Facts of the lifecycle (shared/src/submission/lifecycle.ts). */
  reopenedOnce: boolean;
  rated: boolean;
  /** The latest public reply, and when the submission first went on the board. */
  publicReply?: string;
  /** The resident's words for the board, rewritten by a representative (masked again when shown). */
  boardText?: string;
  boardAt?: string;
  boardApproved?: boolean;
}

/** A line of the studio's public board: masked text and reply, no one's name. */
export interface BoardItem {
  id: string;
  studioId: string;
  category: string;
  date: string;
  status: SubmissionStatus;
  text: string;
  reply: string;
  repliedAt: string;
}

/** One step of a submission's timeline. `internal` notes are for the studio's people only. */
export interface SubmissionEvent {
  id: string;
  submissionId: string;
  kind: 'submitted' | 'accepted' | 'handed_on' | 'replied' | 'resolved' | 'rated' | 'reopened' | 'note' | 'chased' | 'escalated' | 'progress' | 'more_asked' | 'more_added' | 'consulted' | 'dept_acknowledged' | 'dept_progress' | 'dept_result' | 'dept_returned';
  at: string;
  actorId?: string;
  text?: string;
  internal?: boolean;
  /** Signed as a department (城管办) for everyone: a liaison's step never shows the liaison's own name. */
  signedAs?: string;
}

/** The current hand-on of a 大事 to a department of the list, kept on the submission (its record: departments/). */
export interface CurrentHandOn {
  id: string;
  departmentId: string;
  department: string;
  dueDate: string;
  state: HandOnState;
  handedAt: string;
  /** The representative who handed it on. */
  handedBy: string;
  acknowledgedAt?: string;
  answeredAt?: string;
  returnReason?: string;
}
