import { useMeta } from '../api/queries.js';
import { useI18n } from '../i18n/index.js';

const KNOWN_STATUSES = ['triage', 'investigating', 'identified', 'monitoring', 'resolved', 'closed'];

export function StatusBadge({ status }: { status: string }) {
  const { label } = useI18n();
  const tone = KNOWN_STATUSES.includes(status) ? status : 'unknown';
  return (
    <span className={`badge status status-${tone}`} data-testid="status-badge" data-status={status}>
      <span className="dot" aria-hidden="true" />
      {label('status', status)}
    </span>
  );
}

/** Colour follows rank in the configured list (worst first), so custom severities still read right. */
export function SeverityBadge({ severity }: { severity: string }) {
  const meta = useMeta();
  const list = meta.data?.severities ?? ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
  const index = list.indexOf(severity);
  const rank = index < 0 ? 'unknown' : index === 0 ? 'critical' : index === 1 ? 'high' : index === list.length - 1 ? 'low' : 'medium';
  return (
    <span className={`badge severity severity-${rank}`} data-testid="severity-badge" data-severity={severity}>
      <SeverityBars level={rank} />
      {severity}
    </span>
  );
}

function SeverityBars({ level }: { level: string }) {
  const filled = { critical: 3, high: 3, medium: 2, low: 1, unknown: 0 }[level] ?? 0;
  return (
    <svg className="bars" width="12" height="10" viewBox="0 0 12 10" aria-hidden="true">
      {[0, 1, 2].map((i) => (
        <rect key={i} x={i * 4.5} y={6 - i * 3} width="3" height={4 + i * 3} rx="1" className={i < filled ? 'on' : 'off'} />
      ))}
    </svg>
  );
}

/** A stable hue per person, shared by their avatar and their shifts on a calendar. */
export function hueOf(name: string): number {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return hash % 360;
}

export function Avatar({ name, size = 20 }: { name: string; size?: number }) {
  const initials = [...name.trim()].slice(0, 1).join('').toUpperCase() || '?';
  return (
    <span className="avatar" style={{ width: size, height: size, fontSize: size * 0.5, ['--hue' as string]: String(hueOf(name)) }} aria-hidden="true">
      {initials}
    </span>
  );
}

export function Person({ name }: { name: string }) {
  return (
    <span className="person">
      <Avatar name={name} />
      <span>{name}</span>
    </span>
  );
}

/** A page's status; the label says it, the colour only repeats it. */
export function PageStatusBadge({ status }: { status: string }) {
  const { label } = useI18n();
  return (
    <span className={`badge status page-status-${status}`} data-testid="page-status" data-status={status}>
      <span className="dot" aria-hidden="true" />
      {label('pageStatus', status)}
    </span>
  );
}
