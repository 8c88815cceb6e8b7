import { addWorkingDays, type HolidayCalendar } from '../calendar/holiday-calendar.ts';

/** 推送线索跟踪状态: pushed → contacted → applied → approved | declined → disbursed. */
export const leadTrackingStatuses = [
  'pushed',
  'contacted',
  'applied',
  'approved',
  'declined',
  'disbursed',
] as const;
export type LeadTrackingStatus = (typeof leadTrackingStatuses)[number];

/** Working days a bank has to contact a pushed enterprise before the lead is flagged 跟进逾期. */
export const FOLLOW_UP_WORKING_DAYS = 10;

const APPLIED = new Set(['applied', 'risk_evaluated', 'value_evaluated', 'credit_rated']);
const APPROVED = new Set([
  'approved',
  'contracted',
  'registration_pending',
  'registered',
  'registration_refused',
]);
const DECLINED = new Set(['declined', 'withdrawn']);

export interface LeadTrackingInput {
  /** The ledger case's state (states.md "Financing case"). */
  readonly caseState: string;
  /** Whether the bank recorded contact with the enterprise (已联系). */
  readonly contacted: boolean;
  /** Day of the push, ISO, Asia/Shanghai. */
  readonly pushedOn: string;
  /** Day the tracking is read, ISO, Asia/Shanghai. */
  readonly today: string;
}

export interface LeadTracking {
  readonly status: LeadTrackingStatus;
  /** Last day to contact the enterprise: the push day + {@link FOLLOW_UP_WORKING_DAYS} working days. */
  readonly followUpDueOn: string;
  /** 跟进逾期: still not contacted (and not applied) after the follow-up day. */
  readonly followUpOverdue: boolean;
}

/**
 * 推送线索跟踪 (tracking of a pushed whitelist lead): reads the ledger case's state and the bank's contact mark —
 * `lead` is `pushed` until contact is recorded, then `contacted`; application up to credit rating is `applied`;
 * approval up to registration is `approved`; `declined` or `withdrawn` is `declined`; disbursement and every
 * later state (repaying, closed, overdue, default …) is `disbursed`. A lead not contacted within 10 working days
 * of the push (holiday calendar with 调休) is overdue for follow-up: pushed 2024-09-27 → due 2024-10-16.
 * Source: issue 10 item 5 ("tracked: pushed → contacted → applied → approved/declined → disbursed, with
 * overdue-follow-up flags").
 */
export function calculateLeadTracking(input: LeadTrackingInput, calendar: HolidayCalendar): LeadTracking {
  const status: LeadTrackingStatus =
    input.caseState === 'lead'
      ? input.contacted
        ? 'contacted'
        : 'pushed'
      : APPLIED.has(input.caseState)
        ? 'applied'
        : APPROVED.has(input.caseState)
          ? 'approved'
          : DECLINED.has(input.caseState)
            ? 'declined'
            : 'disbursed';
  const followUpDueOn = addWorkingDays(input.pushedOn, FOLLOW_UP_WORKING_DAYS, calendar).date;
  return { status, followUpDueOn, followUpOverdue: status === 'pushed' && input.today > followUpDueOn };
}
