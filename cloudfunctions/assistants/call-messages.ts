import type { Call } from '../../types/assistant';
import type { User } from '../../types/domain';
import { assistantPages, type CallEvent } from '../core/assistants';
import type { MessageIntent, Recipient } from '../core/notices/message-intents';
import { collegeStaff, schoolStaff } from './load';
import { step } from './step-message';

/** Who hears of each step: the owner of the next one, or the people it concerns. */
export function messagesFor(
  event: CallEvent,
  call: Call,
  users: readonly User[],
  selectedUsers: readonly Recipient[],
  at: string,
): MessageIntent[] {
  const college = collegeStaff(users, call.collegeId);
  const leaders = collegeStaff(users, call.collegeId, ['leader']);
  const school = schoolStaff(users);
  const id = call._id;
  switch (event.type) {
    case 'decide':
      return step(
        collegeStaff(users, call.collegeId, ['clerk']),
        id,
        `decide-${call.steps.length}`,
        '选拔小组已决定人选',
        '待公示',
        `拟聘 ${call.selected.length} 人，请在学院网站公示`,
        at,
        assistantPages.college,
      );
    case 'startCollegePublicity':
      return step(
        selectedUsers,
        id,
        'college-publicity',
        '学业助理人选学院公示',
        '公示中',
        `公示至 ${call.collegePublicity?.lastDay ?? ''}`,
        at,
        assistantPages.applicant,
      );
    case 'recordObjection': {
      const o = call.objections.find((x) => x.id === event.id);
      return step(
        o?.stage === 'school' ? school : college,
        `${id}:${event.id}`,
        'objection',
        '公示期收到异议',
        '待答复',
        event.text,
        at,
        o?.stage === 'school' ? assistantPages.school : assistantPages.college,
      );
    }
    case 'answerObjection':
      return step(
        call.objections.find((x) => x.id === event.objectionId)?.stage === 'school' ? school : leaders,
        `${id}:${event.objectionId}`,
        'answered',
        '公示异议已答复',
        event.upheld ? '异议成立' : '不成立',
        event.reply,
        at,
        assistantPages.college,
      );
    case 'submit':
      return step(
        school,
        id,
        `submit-${call.steps.length}`,
        `${call.collegeName}学业助理名单`,
        '待审核',
        `拟聘 ${call.selected.length} 人，学院公示无异议`,
        at,
        assistantPages.school,
      );
    case 'review':
      return step(
        college,
        id,
        `review-${call.steps.length}`,
        '学工部审核学业助理名单',
        event.decision === 'approve' ? '通过' : '退回',
        event.opinion || '审核通过，学校公示后确认',
        at,
        assistantPages.college,
      );
    case 'startSchoolPublicity':
      return step(
        [...college, ...selectedUsers],
        id,
        'school-publicity',
        '学业助理名单学校公示',
        '公示中',
        `公示至 ${call.schoolPublicity?.lastDay ?? ''}`,
        at,
        assistantPages.applicant,
      );
    case 'confirm':
      return step(
        [...college, ...selectedUsers],
        id,
        'confirm',
        '学业助理名单已确认',
        '已确认',
        '请学院为学业助理配备班级',
        at,
        assistantPages.applicant,
      );
  }
}
