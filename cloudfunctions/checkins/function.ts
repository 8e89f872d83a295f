import { checkinsApi } from '../../types/api/checkins';
import { defineFunction } from '../platform/runtime/define-function';
import { classCheck, dormCheck, dormResidents, lecture } from './check-actions';
import { closeFollowUp, reportDifficulty } from './follow-up-actions';
import { options } from './options-action';
import { meeting, parentContact, talk, teacherContact, themedActivity } from './record-actions';
import { followUps, myRecords } from './record-views';

/** Check-ins: dorm and class checks, lectures, meetings, activities, contacts, talks, and the follow-ups they open. */
export const checkinsFunction = defineFunction('checkins', checkinsApi, {
  options,
  dormResidents,
  dormCheck,
  classCheck,
  lecture,
  meeting,
  themedActivity,
  talk,
  parentContact,
  teacherContact,
  myRecords,
  followUps,
  reportDifficulty,
  closeFollowUp,
});
