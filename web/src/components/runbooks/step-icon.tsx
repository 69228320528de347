/** The mark of a step type, the same in the outline, the runner and the list. */
export function StepIcon({ type }: { type: string }) {
  const known = ['ask', 'task', 'info', 'action', 'branch'].includes(type) ? type : 'unknown';
  return (
    <span className={`step-icon step-icon-${known}`} aria-hidden="true" data-testid="step-icon" data-type={type}>
      <svg width="14" height="14" viewBox="0 0 14 14">
        {known === 'ask' ? (
          <path d="M5 5.2a2 2 0 1 1 2.6 1.9c-.4.2-.6.5-.6.9v.6M7 10.3v.2" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        ) : known === 'task' ? (
          <path d="M3.5 7.2l2.3 2.3 4.7-5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        ) : known === 'info' ? (
          <path d="M7 6.3v4M7 3.8v.2" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        ) : known === 'action' ? (
          <path d="M7.8 2.5L4 7.6h3l-.8 3.9 3.8-5.1H7z" fill="currentColor" />
        ) : known === 'branch' ? (
          <path d="M4 3v8M4 7c0-2 6-1.5 6-4M10 3v0" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        ) : (
          <circle cx="7" cy="7" r="1.6" fill="currentColor" />
        )}
      </svg>
    </span>
  );
}
