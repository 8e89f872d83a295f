import { recordKindLabel, talkModeLabel, TalkMode, type DutyRecordDoc } from '../../../types/checkin';

/** One line saying what a record was, for lists and drill-downs (names resolved by the caller). */
export function recordLabel(
  doc: Pick<DutyRecordDoc, 'kind' | 'details' | 'minutes' | 'mode'>,
  nameOf: (studentId: string) => string = (id) => id,
): string {
  const kind = recordKindLabel[doc.kind];
  const d = doc.details;
  switch (d.form) {
    case 'dormCheck': {
      const absent = d.residents.filter((r) => r.status === 'absent').length;
      const leave = d.residents.filter((r) => r.status === 'onLeave').length;
      return `${kind}：卫生 ${d.hygieneScore} 分，在寝 ${d.residents.length - absent - leave} 人，缺勤 ${absent} 人，请假 ${leave} 人`;
    }
    case 'classCheck': {
      const names = (ids: string[]) => (ids.length === 0 ? '0' : `${ids.length}（${ids.map(nameOf).join('、')}）`);
      return `${kind}：${d.course}，迟到 ${names(d.late)}，缺勤 ${names(d.absent)}，早退 ${names(d.leftEarly)}`;
    }
    case 'lecture':
      return `${kind}：${d.course}${d.teacherName ? `（${d.teacherName}）` : ''}`;
    case 'meeting':
      return `${kind}：${d.title}${d.summary ? '（有纪要）' : '（无纪要）'}`;
    case 'themedActivity':
      return `${kind}：${d.theme}，${d.participants} 人，${doc.minutes ?? 0} 分钟`;
    case 'talk': {
      const mode = TalkMode.safeParse(doc.mode);
      return `${kind}：${mode.success ? talkModeLabel[mode.data] : '谈话'} ${doc.minutes ?? 0} 分钟`;
    }
    case 'contact':
      return `${kind}：${d.channel}${d.teacherName ? `，${d.teacherName}` : ''}`;
  }
}
