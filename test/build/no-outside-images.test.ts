import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** An image fetched from another host: broken offline and outside WeChat's domain whitelist (issue 9). */
const OUTSIDE_IMAGE = /https?:\/\/[A-Za-z0-9.-]+(?::\d+)?\/[^\s"'`()<>]*?\.(?:png|jpe?g|gif|webp|svg|bmp|ico)\b/gi;
/** NutUI components whose default images come from its CDN (Empty/Result states, CalendarCard icons). */
const CDN_COMPONENTS = ['Empty', 'Result', 'CalendarCard'];

function filesUnder(dir: string, test: (name: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, test, out);
    else if (test(name)) out.push(path);
  }
  return out;
}

function outsideImages(files: string[]): string[] {
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(OUTSIDE_IMAGE)].map((m) => `${relative(ROOT, file)}: ${m[0]}`),
  );
}

describe('no image is loaded from an outside host', () => {
  const sources = filesUnder(join(ROOT, 'src'), (name) => /\.(tsx?|scss|css|html)$/.test(name));

  it('the app source names no outside image and uses no NutUI component with CDN default images', () => {
    expect(sources.length).toBeGreaterThan(20);
    expect(outsideImages(sources)).toEqual([]);
    const imports = sources.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@nutui\/nutui-react-taro'/g)].flatMap((m) =>
        (m[1] ?? '')
          .split(',')
          .map((name) => name.trim().split(/\s+as\s+/)[0] ?? '')
          .filter((name) => CDN_COMPONENTS.includes(name))
          .map((name) => `${relative(ROOT, file)}: ${name}`),
      );
    });
    expect(imports).toEqual([]);
  });

  it('the empty and error states show images shipped in src/assets', () => {
    const component = readFileSync(join(ROOT, 'src/components/empty-state.tsx'), 'utf8');
    for (const image of ['empty.png', 'error.png']) {
      expect(component).toContain(`../assets/${image}`);
      const bytes = readFileSync(join(ROOT, 'src/assets', image));
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.length).toBeLessThan(10 * 1024);
    }
  });

  // npm test builds both before jest; XUEYE_H5 / XUEYE_WEAPP point at a parallel build's folder.
  it.each([
    ['H5', process.env.XUEYE_H5 ?? 'dist/h5'],
    ['weapp', process.env.XUEYE_WEAPP ?? 'dist/weapp'],
  ])('the %s build (%s) references no outside image host', (_name, dir) => {
    const root = resolve(ROOT, dir);
    expect(existsSync(root)).toBe(true);
    const files = filesUnder(root, (name) => /\.(js|css|html|wxml|wxss|json)$/.test(name));
    expect(files.length).toBeGreaterThan(5);
    expect(outsideImages(files)).toEqual([]);
  });
});
