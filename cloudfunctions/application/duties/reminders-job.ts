import { remindersDue, type DutyReminder } from '../../core/duties';
import type { Clock } from '../../core/time/clock';
import { toIso } from '../../core/time/shanghai';
import { enqueue } from '../../platform/messenger/outbox';
import { queryAll, type Store } from '../../platform/store/store';
import { eachSurviving } from '../../platform/runtime/skip-bad-records';
import { evaluateScope } from '../duty-data/evaluate-scope';
import { keepCollegeSummary, summaryOf, SUMMARY_WRITER } from './college-summaries';

/** Used when a rule does not say how early to remind. */
export const DEFAULT_REMIND_BEFORE_DAYS = 3;
export const REMINDER_WRITER = 'system:duty-reminders';

/** skipped: records left out for a bad time; failedColleges: colleges whose pass failed (reported, the others ran). */
export type DutyReminderRun = {
  colleges: number;
  reminders: number;
  queued: number;
  skipped: number;
  failedColleges: string[];
};

/** The subscription message for a reminder: the duty, its last day, what is still missing. */
export function reminderMessage(r: DutyReminder) {
  const unit = r.units.length > 1 ? `${r.units.length} 项` : '1 项';
  return {
    key: r.dedupKey,
    kind: 'dutyDueSoon' as const,
    page: 'packages/staff/duties/index',
    data: {
      duty: r.title.slice(0, 20),
      deadline: r.lastDay,
      remaining: String(r.remaining),
      note: `还有${unit}未完成，请在截止前记录`,
    },
    subjectId: r.ruleId,
  };
}

/**
 * The scheduler's duty pass: for each college, everyone's duties from one load, then one
 * "about to be overdue" message per person, rule and window (the evaluator's dedup key is the
 * outbox key, so running every few minutes queues each reminder once).
 */
export async function queueDutyReminders(store: Store, clock: Clock): Promise<DutyReminderRun> {
  const now = clock.now().getTime();
  const at = toIso(clock.now());
  const colleges = await queryAll(store, 'colleges');
  let reminders = 0;
  let queued = 0;
  let skipped = 0;
  // One college's bad data must not stop the reminders of all the others.
  const failed = await eachSurviving(
    'colleges',
    colleges,
    (c) => c._id,
    async (college) => {
      // From the digests, as the boards read (classes × months documents, not every record of the college).
      const e = await evaluateScope(store, { collegeId: college._id }, now, undefined, 'digests');
      skipped += e.skipped;
      // The same evaluation is what the school view (学工部) shows of the college until the next pass.
      await keepCollegeSummary(store, summaryOf(e, college), { by: SUMMARY_WRITER, at });
      for (const evaluation of e.evaluations) {
        const user = e.users.get(evaluation.personId);
        if (!user) continue;
        for (const reminder of remindersDue(evaluation, now, DEFAULT_REMIND_BEFORE_DAYS)) {
          reminders += 1;
          const message = reminderMessage(reminder);
          if (await store.get('outbox', `msg:${message.key}`)) continue;
          const entry = { ...message, toUserId: user._id, toOpenid: user.openid };
          if (await store.transaction((tx) => enqueue(tx, entry, { by: REMINDER_WRITER, at }))) queued += 1;
        }
      }
    },
  );
  return { colleges: colleges.length, reminders, queued, skipped, failedColleges: failed.map((f) => f.id) };
}
