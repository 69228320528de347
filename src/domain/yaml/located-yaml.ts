import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';

export type YamlPath = ReadonlyArray<string | number>;

export interface Position {
  line: number;
  column: number;
}

/** One YAML document of a file, its plain value, and where each path of it was written. */
export interface LocatedDocument {
  value: unknown;
  /** The line and column of the deepest node on the path that exists (a map key where the path names one). */
  positionOf(path: YamlPath): Position | undefined;
}

export interface YamlSyntaxProblem {
  message: string;
  position: Position;
}

/** Parses every document of a (possibly multi-document) YAML text, keeping positions for messages. */
export function parseLocatedYaml(text: string): { documents: LocatedDocument[]; syntax: YamlSyntaxProblem[] } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  const syntax = list.flatMap((doc) =>
    doc.errors.map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      return { message: error.message.split('\n')[0]!, position: { line, column: col } };
    }),
  );
  if (syntax.length) return { documents: [], syntax };
  const documents = list
    .filter((doc) => doc.contents !== null)
    .map((doc) => ({
      value: doc.toJS({ maxAliasCount: 100 }) as unknown,
      positionOf: (path: YamlPath) => {
        const offset = offsetOf(doc, path);
        if (offset === undefined) return undefined;
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
      },
    }));
  return { documents, syntax };
}

/** The offset of the deepest node on the path that exists: a map key where the path names one, else the item. */
export function offsetOf(doc: Document, path: YamlPath): number | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
