import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { z } from 'zod';

const ROOT = resolve(__dirname, '../..');

const AppConfig = z.object({
  pages: z.array(z.string()),
  subPackages: z.array(z.object({ root: z.string(), pages: z.array(z.string()) })),
});

/** Pages registered in app.config.ts, read from its source (the file calls Taro's global defineAppConfig). */
function registeredPages(): Set<string> {
  const source = readFileSync(join(ROOT, 'src/app.config.ts'), 'utf8');
  const body = source.slice(source.indexOf('defineAppConfig(') + 'defineAppConfig('.length, source.lastIndexOf(');'));
  const config = AppConfig.parse(runInNewContext(`(${body})`));
  return new Set([...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]);
}

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, out);
    else if (/\.(ts|tsx|json)$/.test(name)) out.push(path);
  }
  return out;
}

const PAGE_PATH = /\b(pages\/[a-z-]+\/index|packages\/[a-z-]+\/[a-z-]+\/index)\b/g;

describe('page paths', () => {
  const pages = registeredPages();
  const sources = [
    ...filesUnder(join(ROOT, 'src')),
    ...filesUnder(join(ROOT, 'cloudfunctions')),
    ...filesUnder(join(ROOT, 'types')),
    join(ROOT, 'config/messages.json'),
  ].filter((file) => !file.endsWith('app.config.ts'));

  it('reads a non-trivial app config', () => {
    expect(pages.has('pages/login/index')).toBe(true);
    expect(pages.has('packages/student/notice/index')).toBe(true);
  });

  it('every page a link, a message or a deep link opens is registered in app.config.ts', () => {
    const missing: string[] = [];
    let found = 0;
    for (const file of sources) {
      for (const match of readFileSync(file, 'utf8').matchAll(PAGE_PATH)) {
        found += 1;
        if (!pages.has(match[1]!)) missing.push(`${relative(ROOT, file)}: ${match[1]}`);
      }
    }
    expect(found).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it('every registered page has its source file', () => {
    const absent = [...pages].filter(
      (page) => !filesUnder(join(ROOT, 'src', page.replace(/\/index$/, ''))).some((f) => f.endsWith('index.tsx')),
    );
    expect(absent).toEqual([]);
  });
});
