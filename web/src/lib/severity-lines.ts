import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export interface PolicyLines {
  /** Rule id → the line its entry starts on. */
  rules: Map<string, number>;
  /** Example name → the line its entry starts on. */
  examples: Map<string, number>;
}

/**
 * Where each rule and example of a severity policy starts, so a failing example or a
 * matched rule can be jumped to. Reads as much as YAML can; a broken text gives what it can.
 */
export function policyLines(text: string): PolicyLines {
  const lines: PolicyLines = { rules: new Map(), examples: new Map() };
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter });
  if (!isMap(document.contents)) return lines;
  const collect = (key: 'rules' | 'examples', name: 'id' | 'name', into: Map<string, number>) => {
    const list = document.get(key, true) as Node | undefined;
    if (!isSeq(list)) return;
    for (const item of list.items) {
      if (!isMap(item) || !item.range) continue;
      const value = item.get(name);
      if (typeof value === 'string' && !into.has(value)) into.set(value, counter.linePos(item.range[0]).line);
    }
  };
  collect('rules', 'id', lines.rules);
  collect('examples', 'name', lines.examples);
  return lines;
}
