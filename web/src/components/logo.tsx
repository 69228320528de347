export function LogoMark({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" className="logo-mark">
      <rect width="32" height="32" rx="8" fill="var(--brand)" />
      <path d="M16 6c1 4 6 6.5 6 12a6 6 0 0 1-12 0c0-3 1.6-4.8 3-6 .3 2 1.2 3 2.4 3.4C14.6 12 15 9 16 6z" fill="#fff" />
    </svg>
  );
}
