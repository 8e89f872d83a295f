import { courseKindLabel, type CourseKind } from '../../../types/grade';
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
  return {
    rule: trigger.id,
    kind: trigger.rule,
    level,
    courses: courses.map((c) => c.code),
    credits: sumCredits(courses),
    value,
    text,
  };
}

const range = (atLeast: number, atMost: number | undefined) =>
  atMost === undefined ? `≥${atLeast}` : atMost === atLeast ? `${atLeast}` : `${atLeast}–${atMost}`;

/** The courses a trigger counts: those of its kinds (a course of unknown kind always counts). */
function ofKinds(courses: CourseRef[], kinds: CourseKind[] | undefined): CourseRef[] {
  if (kinds === undefined) return courses;
  return courses.filter((c) => c.kind === undefined || kinds.includes(c.kind));
}

/** 「（必修）」 after a measure restricted to some course kinds, so the explanation says what was counted. */
function kindsNote(kinds: CourseKind[] | undefined): string {
  return kinds === undefined ? '' : `（${kinds.map((k) => courseKindLabel[k]).join('、')}课程）`;
}

/** Returns the explanation when the trigger fires for these facts, otherwise null. */
export function fireTrigger(trigger: Trigger, level: string, facts: StudentFacts): FiredTrigger | null {
  switch (trigger.rule) {
    case 'regularFails': {
      const courses = ofKinds(facts.regularFailed, trigger.courseKinds);
      const n = courses.length;
      if (!inRange(n, trigger.atLeast, trigger.atMost)) return null;
      return fired(
        trigger,
        level,
        courses,
        n,
        `本学期正考不及格${kindsNote(trigger.courseKinds)} ${n} 门（条件 ${range(trigger.atLeast, trigger.atMost)} 门）：${describe(courses)}`,
      );
    }
    case 'failedAfterMakeup': {
      const courses = ofKinds(facts.failedAfterMakeup, trigger.courseKinds);
      const n = courses.length;
      if (!inRange(n, trigger.atLeast, trigger.atMost)) return null;
      return fired(
        trigger,
        level,
        courses,
        n,
        `补考后仍不及格${kindsNote(trigger.courseKinds)} ${n} 门（条件 ${range(trigger.atLeast, trigger.atMost)} 门）：${describe(courses)}`,
      );
    }
    case 'semesterFailedCredits': {
      const courses = ofKinds(facts.regularFailed, trigger.courseKinds);
      const credits = trigger.courseKinds === undefined ? facts.regularFailedCredits : sumCredits(courses);
      if (credits < trigger.atLeast) return null;
      return fired(
        trigger,
        level,
        courses,
        credits,
        `本学期正考不及格${kindsNote(trigger.courseKinds)} ${credits} 学分（条件 ≥${trigger.atLeast} 学分）：${describe(courses)}`,
      );
    }
    case 'owedCredits': {
      const courses = ofKinds(facts.owed, trigger.courseKinds);
      const credits = trigger.courseKinds === undefined ? facts.owedCredits : sumCredits(courses);
      if (credits < trigger.atLeast) return null;
      return fired(
        trigger,
        level,
        courses,
        credits,
        `累计未通过课程${kindsNote(trigger.courseKinds)} ${credits} 学分（条件 ≥${trigger.atLeast} 学分）：${describe(courses)}`,
      );
    }
    case 'gpaBelow': {
      const gpa = trigger.scope === 'semester' ? facts.semesterGpa : facts.cumulativeGpa;
      if (gpa === null || gpa >= trigger.below) return null;
      const scope = trigger.scope === 'semester' ? '本学期' : '累计';
      return {
        rule: trigger.id,
        kind: trigger.rule,
        level,
        courses: [],
        credits: 0,
        value: gpa,
        text: `${scope}平均学分绩点 ${gpa.toFixed(2)}（低于 ${trigger.below}）`,
      };
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
