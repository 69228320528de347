import { describe, expect, it } from 'vitest';
import { readSloFile } from './read-slo-file.js';

const native = `id: checkout-availability
service: checkout
name: Checkout availability
objective: 99.9
window: 28d
sli:
  type: ratio
  prometheus:
    good: sum(increase(http_requests_total{job="checkout",code!~"5.."}[1m]))
    total: sum(increase(http_requests_total{job="checkout"}[1m]))
`;

const openslo = `apiVersion: openslo/v1
kind: SLI
metadata: { name: web-ratio }
spec:
  ratioMetric:
    counter: true
    bad: { metricSource: { type: Prometheus, spec: { query: 'sum(increase(http_requests_total{code=~"5.."}[1m]))' } } }
    total: { metricSource: { type: Prometheus, spec: { query: 'sum(increase(http_requests_total[1m]))' } } }
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: web-availability, displayName: Web availability }
spec:
  service: web
  indicatorRef: web-ratio
  timeWindow:
    - duration: 1M
      isRolling: false
      calendar: { startTime: "2020-01-01 00:00:00", timeZone: Asia/Tokyo }
  budgetingMethod: Timeslices
  objectives:
    - displayName: Good minutes
      target: 0.995
      timeSliceTarget: 0.99
      timeSliceWindow: 1m
`;

const sloth = `version: "prometheus/v1"
service: "k8s-apiserver"
slos:
  - name: "requests-availability"
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(apiserver_request_total{code=~"(5..|429)"}[{{.window}}]))
        total_query: sum(rate(apiserver_request_total[{{.window}}]))
`;

describe('readSloFile reads each accepted format', () => {
  it('a Hikeshi SLO document', () => {
    const { slos, problems } = readSloFile(native, 'slos/checkout.yaml');
    expect(problems).toEqual([]);
    expect(slos).toEqual([
      {
        id: 'checkout-availability', service: 'checkout', name: 'Checkout availability', description: '', objective: 0.999,
        window: { kind: 'rolling', days: 28 }, budgeting: { kind: 'occurrences' }, indicator: { type: 'ratio' },
        source: { kind: 'prometheus', good: 'sum(increase(http_requests_total{job="checkout",code!~"5.."}[1m]))', total: 'sum(increase(http_requests_total{job="checkout"}[1m]))' },
      },
    ]);
  });

  it('OpenSLO v1 with an indicatorRef to a kind: SLI document and a calendar month in Tokyo', () => {
    const { slos, problems } = readSloFile(openslo, 'web.yaml');
    expect(problems).toEqual([]);
    expect(slos[0]).toMatchObject({
      id: 'web-availability', name: 'Web availability', service: 'web', objective: 0.995,
      window: { kind: 'calendar', unit: 'month', timeZone: 'Asia/Tokyo' },
      budgeting: { kind: 'timeslices', sliceTarget: 0.99 },
      source: { kind: 'prometheus', bad: 'sum(increase(http_requests_total{code=~"5.."}[1m]))' },
    });
  });

  it('a Sloth spec: id is service-name, rates over {{.window}} become per-minute counts, 30 days', () => {
    const { slos, problems } = readSloFile(sloth, 'sloth.yaml');
    expect(problems).toEqual([]);
    expect(slos[0]).toMatchObject({
      id: 'k8s-apiserver-requests-availability', objective: 0.999, window: { kind: 'rolling', days: 30 },
      source: { kind: 'prometheus', bad: '(sum(rate(apiserver_request_total{code=~"(5..|429)"}[1m]))) * 60', total: '(sum(rate(apiserver_request_total[1m]))) * 60' },
    });
  });

  it('latency, push and estimated sources', () => {
    const text = `id: api-latency
service: api
objective: 99
window: week
timeZone: Asia/Tokyo
budgeting: timeslices
sliceTarget: 95
sli: { type: latency, threshold: 300ms, push: true }
---
id: legacy
service: billing
objective: 99.5
window: 30d
sli: { estimate: incidents }
`;
    const { slos, problems } = readSloFile(text, 'x.yaml');
    expect(problems).toEqual([]);
    expect(slos.map((s) => [s.id, s.indicator, s.source, s.budgeting, s.window])).toEqual([
      ['api-latency', { type: 'latency', thresholdMs: 300 }, { kind: 'push' }, { kind: 'timeslices', sliceTarget: 0.95 }, { kind: 'calendar', unit: 'week', timeZone: 'Asia/Tokyo' }],
      ['legacy', { type: 'ratio' }, { kind: 'incidents' }, { kind: 'occurrences' }, { kind: 'rolling', days: 30 }],
    ]);
  });
});

describe('readSloFile refuses what it cannot map, naming file, line and field', () => {
  it.each<[string, string, { line: number; path: string; message: RegExp }]>([
    ['an objective of 100 % leaves no budget', native.replace('objective: 99.9', 'objective: 100'), { line: 4, path: 'objective', message: /leaves no error budget/ }],
    ['an objective of 0', native.replace('objective: 99.9', 'objective: 0'), { line: 4, path: 'objective', message: /above 0/ }],
    ['a 14-day rolling window', native.replace('window: 28d', 'window: 14d'), { line: 5, path: 'window', message: /7d, 28d or 30d/ }],
    ['an unknown key, a typo', native.replace('window: 28d', 'windw: 28d'), { line: 5, path: 'windw', message: /is not an SLO field/ }],
    ['both good and bad queries', native.replace('    total:', '    bad: x\n    total:'), { line: 8, path: 'sli.prometheus', message: /exactly one of good and bad/ }],
    ['two data sources', native.replace('  type: ratio', '  type: ratio\n  push: true'), { line: 6, path: 'sli', message: /exactly one data source: prometheus, push or estimate \(got prometheus and push\)/ }],
    ['OpenSLO RatioTimeslices', openslo.replace('budgetingMethod: Timeslices', 'budgetingMethod: RatioTimeslices'), { line: 20, path: 'spec.budgetingMethod', message: /RatioTimeslices cannot be mapped/ }],
    ['OpenSLO target 1.0', openslo.replace('target: 0.995', 'target: 1'), { line: 23, path: 'spec.objectives[0].target', message: /no error budget/ }],
    ['OpenSLO five-minute slices', openslo.replace('timeSliceWindow: 1m', 'timeSliceWindow: 5m'), { line: 25, path: 'spec.objectives[0].timeSliceWindow', message: /one minute/ }],
    ['OpenSLO indicatorRef to a missing SLI', openslo.replace('indicatorRef: web-ratio', 'indicatorRef: nope'), { line: 15, path: 'spec.indicatorRef', message: /names no kind: SLI document/ }],
    ['OpenSLO Datadog metric source', openslo.replace('bad: { metricSource: { type: Prometheus', 'bad: { metricSource: { type: Datadog'), { line: 7, path: 'spec.ratioMetric.bad.metricSource.type', message: /only Prometheus/ }],
    ['Sloth plugin SLI', sloth.replace(/sli:[\s\S]*/, 'sli:\n      plugin: { id: sloth-common/availability }\n'), { line: 7, path: 'slos[0].sli.plugin', message: /plugin SLIs cannot be mapped/ }],
    ['broken YAML', 'id: [unclosed', { line: 1, path: '', message: /^YAML: / }],
  ])('%s', (_title, text, expected) => {
    const { slos, problems } = readSloFile(text, 'slos/x.yaml');
    expect(slos).toEqual([]);
    expect(problems[0]).toMatchObject({ file: 'slos/x.yaml', line: expected.line, path: expected.path });
    expect(problems[0]!.message).toMatch(expected.message);
  });

  it('two documents with one id are refused', () => {
    const { problems } = readSloFile(`${native}---\n${native}`, 'dup.yaml');
    expect(problems.map((p) => p.message)).toEqual(['"checkout-availability" is defined twice']);
  });
});

describe('readSloFile with the service catalog', () => {
  it.each([
    { name: 'Hikeshi document: the service line', text: native, line: 2, path: 'service' },
    { name: 'OpenSLO: spec.service of the SLO document, not the SLI', text: openslo, line: 14, path: 'spec.service' },
  ])('an unknown service is refused at its line — $name', ({ text, line, path }) => {
    const { slos, problems } = readSloFile(text, 'slos/x.yaml', { knownServices: new Set(['billing']) });
    expect(slos).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'slos/x.yaml', line, path });
    expect(problems[0]!.message).toMatch(/names no known service/);
  });

  it('known services pass', () => {
    expect(readSloFile(native, 'a.yaml', { knownServices: new Set(['checkout']) }).slos).toHaveLength(1);
  });
});
