import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

const files = sourceFiles('src').map((path) => ({ path, text: readFileSync(path, 'utf8') }));

describe('architecture (STYLE.md)', () => {
  it('writes SQL only in src/store', () => {
    const offenders = files
      .filter((f) => !f.path.startsWith(join('src', 'store')))
      .filter((f) => /\b(selectFrom|insertInto|updateTable|deleteFrom)\(|sql`/.test(f.text))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('keeps the domain free of I/O and of the wall clock', () => {
    const offenders = files
      .filter((f) => f.path.startsWith(join('src', 'domain')))
      .filter((f) => /new Date\(\)|Date\.now\(\)|from 'node:(fs|net|http|child_process)'|from 'kysely'|from 'fastify'/.test(f.text))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('lets no adapter import another adapter', () => {
    const adapters = ['http', 'cli', 'slack', 'integrations'];
    const offenders = files.flatMap((f) => {
      const own = adapters.find((a) => f.path.startsWith(join('src', a)));
      if (!own) return [];
      return adapters
        .filter((other) => other !== own && new RegExp(`from '\\.\\./(\\.\\./)*${other}/`).test(f.text))
        .map((other) => `${f.path} imports ${other}`);
    });
    expect(offenders).toEqual([]);
  });

  it('documents every error code in docs/errors.md', () => {
    const docs = readFileSync('docs/errors.md', 'utf8');
    // Error codes are the API's: those built in src/errors.ts, src/http and src/usecases.
    const apiFiles = files.filter((f) => ['errors.ts', 'http', 'usecases'].some((p) => f.path.startsWith(join('src', p))));
    const codes = new Set(
      apiFiles.flatMap((f) => [...f.text.matchAll(/(?:code = |problem\(\d+, |, |return )'([a-z]+\.[a-z_]+)'/g)]
        .map((m) => m[1]!)
        .filter((code) => !/\.(html|js|css|json)$/.test(code))),
    );
    expect(codes.size).toBeGreaterThan(10);
    expect([...codes].filter((code) => !docs.includes(`\`${code}\``))).toEqual([]);
  });
});
