import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every reference in code resolves inside the repo: citations name rule ids of docs/rules.md
 * (`rules: 004-3.4`), never the seed files or SPEC.md, which live outside it.
 */
const ROOT = join(__dirname, '../..');
const SCANNED = ['cloudfunctions', 'src', 'types', 'config', 'scripts', 'test', 'bench'];
// Spelled in pieces so this file does not match its own scan.
const outsideCitation = new RegExp(String.raw`\b[Ss]eeds? 00\d|\bSP` + String.raw`EC(\.md| §)`);
const ID = String.raw`\d{3}(?:-(?:A\d+|\d+)(?:\.\d+)*)?`;
const citation = new RegExp(String.raw`\b[Rr]ules?:?\s+(${ID}(?:\s*(?:,|;|/|and|or|to)\s*${ID})*)`, 'g');
const idIn = new RegExp(ID, 'g');
// config's `"rule": "000-5.2"` fields cite an id too (other values, like `"regularFails"`, are engine rules).
const ruleField = new RegExp(String.raw`"rules?":\s*"(${ID})"`, 'g');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(path);
    return /\.(tsx?|json|md)$/.test(e.name) && path !== __filename ? [path] : [];
  });
}

const files = SCANNED.flatMap((dir) => sources(join(ROOT, dir)));
const lines = files.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .map((text, i) => ({ at: `${relative(ROOT, file)}:${i + 1}`, text })),
);

/** Rule ids of docs/rules.md: its `### <id> …` headings. */
const ruleIds = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8')
  .split('\n')
  .flatMap((line) => /^### (\d{3}-[A-Z0-9.]+)\s/.exec(line)?.[1] ?? []);

/**
 * A cited id resolves to a heading, or is a prefix of one (`000-4` for 000-4.1 …, `004` for the seed);
 * an annex field (`002-A4.6`, the annex's sixth field) resolves to its annex.
 */
function resolves(id: string): boolean {
  const annex = /^(\d{3}-A\d+)\.\d+$/.exec(id)?.[1];
  return ruleIds.some(
    (rule) => rule === id || rule === annex || rule.startsWith(`${id}.`) || rule.startsWith(`${id}-`),
  );
}

function citedIds(text: string): string[] {
  return [...text.matchAll(citation), ...text.matchAll(ruleField)].flatMap((m) => (m[1] ?? '').match(idIn) ?? []);
}

describe('rule citations', () => {
  it('the scans recognise what they look for', () => {
    expect(
      ['(seed ' + '004 §三.4)', 'Seeds ' + '002, 003', 'SP' + 'EC.md table', 'SP' + 'EC §3'].map((s) =>
        outsideCitation.test(s),
      ),
    ).toEqual([true, true, true, true]);
    expect(outsideCitation.test('(rules: 004-3.4)')).toBe(false);
    expect(citedIds('(rules: 000-4, 000-5; 004-A1) and rule 002-4.2.3.1.1 to 002-4.2.3.1.5')).toEqual([
      '000-4',
      '000-5',
      '004-A1',
      '002-4.2.3.1.1',
      '002-4.2.3.1.5',
    ]);
    expect(citedIds('"stipend": { "rule": "000-5.2" }, "rule": "regularFails"')).toEqual(['000-5.2']);
    expect(ruleIds).toContain('004-3.4');
    expect(['004-3.4', '000-4', '004', '000-A1', '002-A4.6'].map(resolves)).toEqual([true, true, true, true, true]);
    expect(['004-3.9', '004-3.4.1', '007-1', '000-A9'].map(resolves)).toEqual([false, false, false, false]);
  });

  it('never cite the seeds or SPEC.md, which are outside the repo', () => {
    expect(lines.filter((l) => outsideCitation.test(l.text)).map((l) => `${l.at}: ${l.text.trim()}`)).toEqual([]);
  });

  it('cite only ids that docs/rules.md has', () => {
    const cited = lines.flatMap((l) => citedIds(l.text).map((id) => ({ ...l, id })));
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((c) => !resolves(c.id)).map((c) => `${c.at}: ${c.id}`)).toEqual([]);
  });
});
