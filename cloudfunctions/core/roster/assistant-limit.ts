import { DomainError } from '../errors';

/** One academic assistant serves at most two classes (rules: 000-5.1, the project's reading of 原则上带 2 个班). */
export const MAX_ASSISTANT_CLASSES = 2;

/**
 * Rows of a classes file that give an assistant a third class (and beyond), in file order: the
 * first two stay, the rest are reported so the clerk names another assistant.
 */
export function overloadedAssistantRows(
  rows: readonly { rowNumber: number; assistantNo: string }[],
): { rowNumber: number; assistantNo: string }[] {
  const served = new Map<string, number>();
  const over: { rowNumber: number; assistantNo: string }[] = [];
  for (const r of rows) {
    if (r.assistantNo === '') continue;
    const n = (served.get(r.assistantNo) ?? 0) + 1;
    served.set(r.assistantNo, n);
    if (n > MAX_ASSISTANT_CLASSES) over.push(r);
  }
  return over;
}

/** A class staff change that would give the assistant more classes than allowed is refused. */
export function checkAssistantRoom(name: string, served: number): void {
  if (served >= MAX_ASSISTANT_CLASSES)
    throw new DomainError(
      'ROSTER.ASSISTANT_FULL',
      `${name}已服务 ${served} 个班（每位学业助理最多 ${MAX_ASSISTANT_CLASSES} 个班）`,
      'userId',
    );
}
