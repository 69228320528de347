import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { lineStart } from '../../lib/runbook-validation.js';

export interface CodeEditorHandle {
  /** Puts the caret at the start of a 1-based line and scrolls it into view. */
  jumpTo: (line: number) => void;
}

const LINE_HEIGHT = 20;

/**
 * A plain textarea with a line-number gutter that scrolls with it; lines with a problem
 * are marked in the gutter (red for errors, amber for warnings).
 */
export function CodeEditor({
  value,
  onChange,
  readOnly,
  marks,
  label,
  testId = 'runbook-yaml',
  ref,
}: {
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  marks: ReadonlyMap<number, 'error' | 'warning'>;
  label: string;
  /** The textarea's test id (the runbook editor's by default). */
  testId?: string;
  ref?: Ref<CodeEditorHandle>;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [caretLine, setCaretLine] = useState(1);
  const lineCount = value.split('\n').length;

  const trackCaret = () => {
    const el = area.current;
    if (el) setCaretLine(value.slice(0, el.selectionStart).split('\n').length);
  };

  useImperativeHandle(ref, () => ({
    jumpTo: (line: number) => {
      const el = area.current;
      if (!el) return;
      const offset = lineStart(el.value, line);
      el.focus();
      el.setSelectionRange(offset, offset);
      el.scrollTop = Math.max(0, (line - 4) * LINE_HEIGHT);
      setCaretLine(line);
    },
  }));

  return (
    <div className="code-editor" data-testid="code-editor">
      <div className="code-gutter" aria-hidden="true">
        <div style={{ transform: `translateY(${-scrollTop}px)` }}>
          {Array.from({ length: lineCount }, (_, i) => i + 1).map((line) => (
            <div
              key={line}
              className={`code-line-number${marks.get(line) ? ` code-line-${marks.get(line)}` : ''}${line === caretLine ? ' code-line-current' : ''}`}
              data-testid="code-line-number"
              data-line={line}
              data-mark={marks.get(line)}
            >
              {line}
            </div>
          ))}
        </div>
      </div>
      <textarea
        ref={area}
        className="code-area"
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setCaretLine(event.target.value.slice(0, event.target.selectionStart).split('\n').length);
        }}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        onKeyUp={trackCaret}
        onClick={trackCaret}
        readOnly={readOnly}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        wrap="off"
        aria-label={label}
        data-testid={testId}
      />
    </div>
  );
}
