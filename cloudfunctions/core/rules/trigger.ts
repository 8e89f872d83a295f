import type { Trigger, TriggerRule } from '../../../types/policy';
import type { CourseRef, StudentFacts } from './student-facts';
import { roundCredits } from './student-facts';

/** A trigger that fired, with what made it fire: what a counselor reads to a parent. */
export type FiredTrigger = {
  /** The trigger's id in the policy. */
  rule: string;
  kind: TriggerRule | 'notLifted';
  level: string;
  courses: string[];
  credits: number;
  /** The measured figure: a course count, credits, or a GPA. */
  value: number;
  text: string;
};

function inRange(n: number, atLeast: number, atMost: number | undefined): boolean {
  return n >= atLeast && (atMost === undefined || n <= atMost);
}

function describe(courses: CourseRef[]): string {
  return courses.map((c) => `${c.name}（${c.code}，${c.credits} 学分）`).join('、');
}

function sumCredits(courses: CourseRef[]): number {
  let sum = 0;
  for (const c of courses) sum += c.credits;
  return roundCredits(sum);
}

function fired(trigger: Trigger, level: string, courses: CourseRef[], value: number, text: string): FiredTrigger {
  return { rule: trigger.id, kind: trigger.rule, level, courses: courses.map((c) => c.code), credits: sumCredits(courses), value, text };
}

const range = (atLeast: number, atMost: number | undefined) => (atMost === undefined ? `≥${atLeast}` : atMost === atLeast ? `${atLeast}` : `${atLeast}–${atMost}`);

/** Returns the explanation when the trigger fires for these facts, otherwise null. */
export function fireTrigger(trigger: Trigger, level: string, facts: StudentFacts): FiredTrigger | null {
  switch (trigger.rule) {
    case 'regularFails': {
      const n = facts.regularFailed.length;
      if (!inRange(n, trigger.atLeast, trigger.atMost)) return null;
      return fired(trigger, level, facts.regularFailed, n, `本学期正考不及格 ${n} 门（条件 ${range(trigger.atLeast, trigger.atMost)} 门）：${describe(facts.regularFailed)}`);
    }
    case 'failedAfterMakeup': {
      const n = facts.failedAfterMakeup.length;
      if (!inRange(n, trigger.atLeast, trigger.atMost)) return null;
      return fired(trigger, level, facts.failedAfterMakeup, n, `补考后仍不及格 ${n} 门（条件 ${range(trigger.atLeast, trigger.atMost)} 门）：${describe(facts.failedAfterMakeup)}`);
    }
    case 'semesterFailedCredits': {
      const credits = facts.regularFailedCredits;
      if (credits < trigger.atLeast) return null;
      return fired(trigger, level, facts.regularFailed, credits, `本学期正考不及格 ${credits} 学分（条件 ≥${trigger.atLeast} 学分）：${describe(facts.regularFailed)}`);
    }
    case 'owedCredits': {
      const credits = facts.owedCredits;
      if (credits < trigger.atLeast) return null;
      return fired(trigger, level, facts.owed, credits, `累计未通过课程 ${credits} 学分（条件 ≥${trigger.atLeast} 学分）：${describe(facts.owed)}`);
    }
    case 'gpaBelow': {
      const gpa = trigger.scope === 'semester' ? facts.semesterGpa : facts.cumulativeGpa;
      if (gpa === null || gpa >= trigger.below) return null;
      const scope = trigger.scope === 'semester' ? '本学期' : '累计';
      return { rule: trigger.id, kind: trigger.rule, level, courses: [], credits: 0, value: gpa, text: `${scope}平均学分绩点 ${gpa.toFixed(2)}（低于 ${trigger.below}）` };
    }
  }
}

/** Why an earlier warning still holds: the lifting condition is not met. */
export function notLifted(level: string, facts: StudentFacts, condition: string): FiredTrigger {
  return {
    rule: 'not-lifted',
    kind: 'notLifted',
    level,
    courses: facts.owed.map((c) => c.code),
    credits: facts.owedCredits,
    value: facts.owedCredits,
    text: `上次警示尚未解除（解除条件：${condition}）；未通过课程 ${facts.owedCredits} 学分${facts.owed.length > 0 ? `：${describe(facts.owed)}` : ''}`,
  };
}
