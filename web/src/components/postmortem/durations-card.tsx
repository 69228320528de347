import type { PostmortemDuration } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';
import { formatDuration } from '../../lib/time.js';

export function DurationsCard({ durations }: { durations: PostmortemDuration[] }) {
  const { t, lang, label } = useI18n();
  return (
    <section className="card section" aria-labelledby="durations-heading" data-testid="pm-durations">
      <h2 id="durations-heading" className="section-title">{t('postmortem.durations')}</h2>
      <dl className="durations">
        {durations.map((duration) => {
                    return (
            <div key={duration.name} className="duration" data-testid="pm-duration" data-name={duration.name}>
              <dt>{label('duration', duration.name)}</dt>
              <dd>
                {duration.ms === null ? <span className="muted">—</span> : <strong>{formatDuration(duration.ms, lang)}</strong>}
                {duration.ms === null && duration.reason ? (
                  <span className="muted small duration-reason" lang="en">
                    {duration.reason}
                  </span>
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
