/**
 * Whether the 姓名 of a grade row names the roster's student of that 学号. Exports differ in
 * spacing (全角空格) and in the dot of minority names (买买提·艾力 / 买买提•艾力), not in letters:
 * anything else is a wrong pairing of number and name, which the clerk must see.
 */
function normalise(name: string): string {
  return name.replace(/[\s\u3000]+/g, '').replace(/[•・．.﹒]/g, '·');
}

export function sameName(inFile: string, onRoster: string): boolean {
  return normalise(inFile) === normalise(onRoster);
}

/** The row error's reason (Chinese, for the clerk), or null when the name matches or cannot be checked. */
export function nameMismatch(studentId: string, inFile: string, onRoster: string | undefined): string | null {
  if (inFile === '' || onRoster === undefined || sameName(inFile, onRoster)) return null;
  const shown = inFile.length > 20 ? `${inFile.slice(0, 20)}…` : inFile;
  return `姓名与学号不符：学号 ${studentId} 在学生名册中是“${onRoster}”，表中为“${shown}”`;
}
