import { parseLocatedYaml, type LocatedDocument } from '../yaml/located-yaml.js';
import type { SloDefinition } from './definition.js';
import { ProblemList, formatYamlPath, isRecord, own } from './read-helpers.js';
import { readNativeSlo } from './read-native.js';
import { readOpenSlo } from './read-openslo.js';
import { readSloth } from './read-sloth.js';

export interface SloFileProblem {
  file: string;
  line?: number;
  column?: number;
  /** The field, as a dotted path in its document. */
  path: string;
  message: string;
}

/**
 * Reads an SLO file: Hikeshi's own documents, OpenSLO v1 (`apiVersion: openslo/v1`) or a
 * Sloth spec (`version: prometheus/v1`). A file with any problem gives no SLOs: each
 * problem names the file, the line and the field.
 */
export function readSloFile(text: string, file: string, options: SloFileOptions = {}): { slos: SloDefinition[]; problems: SloFileProblem[] } {
  const read = readSloDocuments(text, file);
  if (read.problems.length || !options.knownServices) return read;
  const problems = unknownServiceProblems(text, file, read.slos, options.knownServices);
  return problems.length ? { slos: [], problems } : read;
}

export interface SloFileOptions {
  /** The service catalog's names: an SLO naming another service is refused at its `service` line. */
  knownServices?: ReadonlySet<string>;
}

function unknownServiceProblems(text: string, file: string, slos: readonly SloDefinition[], known: ReadonlySet<string>): SloFileProblem[] {
  const { documents } = parseLocatedYaml(text);
  const unknown = [...new Set(slos.map((slo) => slo.service).filter((service) => !known.has(service)))];
  return unknown.map((service) => {
    // The document naming it: `service` at the top (Hikeshi, Sloth) or `spec.service` (OpenSLO).
    for (const document of documents) {
      const value = document.value;
      if (!isRecord(value)) continue;
      const spec = own(value, 'spec');
      const at = own(value, 'service') === service ? ['service'] : isRecord(spec) && own(spec, 'service') === service ? ['spec', 'service'] : undefined;
      const position = at && document.positionOf(at);
      if (at) return { file, ...(position ? { line: position.line, column: position.column } : {}), path: formatYamlPath(at), message: `names no known service (got "${service}"; add it to the service catalog first)` };
    }
    return { file, path: 'service', message: `names no known service (got "${service}")` };
  });
}

function readSloDocuments(text: string, file: string): { slos: SloDefinition[]; problems: SloFileProblem[] } {
  const { documents, syntax } = parseLocatedYaml(text);
  if (syntax.length) return { slos: [], problems: syntax.map((s) => ({ file, line: s.position.line, column: s.position.column, path: '', message: `YAML: ${s.message}` })) };
  if (!documents.length) return { slos: [], problems: [{ file, path: '', message: 'holds no SLO' }] };
  const located = (document: LocatedDocument, at: ReadonlyArray<string | number>, message: string): SloFileProblem => {
    const position = document.positionOf(at);
    return { file, ...(position ? { line: position.line, column: position.column } : {}), path: formatYamlPath(at), message };
  };
  const first = documents[0]!.value;
  if (isRecord(first) && typeof own(first, 'apiVersion') === 'string' && String(own(first, 'apiVersion')).startsWith('openslo/')) {
    const { slos, problems } = readOpenSlo(documents.map((d) => d.value));
    return problems.length ? { slos: [], problems: problems.map((p) => located(documents[p.document]!, p.at, p.message)) } : { slos, problems: [] };
  }
  const slos: SloDefinition[] = [];
  const problems: SloFileProblem[] = [];
  for (const document of documents) {
    const list = new ProblemList();
    const value = document.value;
    if (isRecord(value) && own(value, 'version') === 'prometheus/v1') slos.push(...readSloth(value, list));
    else {
      const slo = readNativeSlo(value, list);
      if (slo) slos.push(slo);
    }
    problems.push(...list.items.map((item) => located(document, item.at, item.message)));
  }
  const duplicate = slos.find((slo, index) => slos.findIndex((other) => other.id === slo.id) !== index);
  if (duplicate) problems.push({ file, path: 'id', message: `"${duplicate.id}" is defined twice` });
  return problems.length ? { slos: [], problems } : { slos, problems: [] };
}
