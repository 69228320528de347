import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleResult {
  built: boolean;
  initialJsGzipKb?: number;
  initialJsFiles?: string[];
  totalJsGzipKb?: number;
  totalJsFiles?: number;
}

const gzipKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** Initial JS = scripts and modulepreloads named by dist/web/index.html; total = every .js in dist/web/assets. */
export function measureBundle(webRoot = 'dist/web'): BundleResult {
  const index = join(webRoot, 'index.html');
  if (!existsSync(index)) return { built: false };
  const html = readFileSync(index, 'utf8');
  const referenced = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isScript = tag.startsWith('<script');
    if (!isScript && !/rel=["']?modulepreload/.test(tag)) continue;
    const src = /\b(?:src|href)=["']?([^"' >]+)/.exec(tag)?.[1];
    if (src && src.endsWith('.js') && !/^https?:/.test(src)) referenced.add(src.replace(/^\.?\//, ''));
  }
  const initial = [...referenced].map((src) => join(webRoot, src)).filter((file) => existsSync(file));
  const assets = join(webRoot, 'assets');
  const all = existsSync(assets)
    ? readdirSync(assets, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).map((f) => join(assets, f))
    : [];
  return {
    built: true,
    initialJsGzipKb: initial.reduce((sum, file) => sum + gzipKb(file), 0),
    initialJsFiles: initial.map((file) => file.slice(webRoot.length + 1)),
    totalJsGzipKb: all.reduce((sum, file) => sum + gzipKb(file), 0),
    totalJsFiles: all.length,
  };
}
