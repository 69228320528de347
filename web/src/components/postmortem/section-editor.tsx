import { useEffect, useRef, useState } from 'react';
import { pickText } from '../../../../src/domain/runbooks/text.js';
import type { PostmortemSection } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';

/**
 * A section's Markdown in a textarea that grows with it, saved when the field loses focus.
 * Printing shows the text itself (a textarea would cut it at its height).
 */
export function SectionEditor({
  section,
  readOnly,
  saving,
  onSave,
}: {
  section: PostmortemSection;
  readOnly: boolean;
  saving: boolean;
  onSave: (text: string) => void;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState(section.text);
  const area = useRef<HTMLTextAreaElement>(null);
  // A regeneration or another person's save replaces the text unless this field holds unsaved typing.
  const [seen, setSeen] = useState(section.text);
  if (section.text !== seen) {
    setSeen(section.text);
    if (text === seen) setText(section.text);
  }
  const dirty = text !== section.text;

  useEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.max(el.scrollHeight + 2, 72)}px`;
  }, [text]);

  const heading = pickText(section.heading, lang);
  const id = `section-${section.id}`;
  return (
    <section className="card pm-section" aria-labelledby={`${id}-heading`} data-testid="pm-section" data-section={section.id} data-edited={section.edited}>
      <div className="pm-section-head">
        <h2 id={`${id}-heading`}>{heading}</h2>
        {section.edited || section.generated ? (
          <span className={`badge origin ${section.edited ? 'origin-edited' : 'origin-generated'}`} data-testid="pm-section-origin">
            {section.edited ? t('postmortem.edited') : t('postmortem.generated')}
          </span>
        ) : !section.text ? (
          <span className="badge origin origin-empty" data-testid="pm-section-origin">
            {t('postmortem.toWrite')}
          </span>
        ) : null}
        {dirty ? <span className="muted small">{saving ? t('postmortem.saving') : t('postmortem.unsaved')}</span> : null}
      </div>
      <textarea
        ref={area}
        id={id}
        className="input pm-section-text no-print"
        value={text}
        readOnly={readOnly}
        placeholder={section.prompt ? pickText(section.prompt, lang) : t('postmortem.sectionPlaceholder')}
        aria-labelledby={`${id}-heading`}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => {
          if (dirty && !readOnly) onSave(text);
        }}
        data-testid="pm-section-text"
      />
      <div className="print-only pm-section-print">{text || '—'}</div>
    </section>
  );
}
