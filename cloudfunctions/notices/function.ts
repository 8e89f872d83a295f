import { noticesApi } from '../../types/api/notices';
import { defineFunction } from '../platform/runtime/define-function';
import { bindParent } from './bind-parent';
import { bindParentByPhone } from './bind-by-phone';
import { resolveObjection } from './clerk-actions';
import { objections } from '../application/notices/objections';
import { childNotices } from '../application/notices/child-notices';
import { classStatus } from '../application/notices/class-status';
import { studentNotices } from '../application/notices/student-notices';
import { inbox } from './inbox-action';
import { parentCopy, returnReceipt } from './parent-actions';
import { noticeRecord } from './record-action';
import { createBindingCode, recordPhoneContact } from './staff-actions';
import { acknowledge, object, studentCopy } from './student-actions';

/** Warning notices: student copy and signature, parent binding and receipt, counselor tracking, objections. */
export const noticesFunction = defineFunction('notices', noticesApi, {
  studentNotices,
  studentCopy,
  acknowledge,
  object,
  childNotices,
  parentCopy,
  returnReceipt,
  bindParent,
  bindParentByPhone,
  classStatus,
  noticeRecord,
  createBindingCode,
  recordPhoneContact,
  objections,
  resolveObjection,
  inbox,
});
