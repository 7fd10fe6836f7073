// A dialog over the map for the meeting's lists and tables: titled, closed by its button or Escape, focus inside.
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/context';
import { useWindowKeys } from '../state/useWindowKeys';

export function Overlay({
  title,
  testId,
  onClose,
  children,
}: {
  title: string;
  testId: string;
  onClose(): void;
  children: ReactNode;
}) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  useWindowKeys((e) => e.key === 'Escape' && onClose());
  return (
    <div className="overlay-backdrop" onClick={onClose}>
      <div
        className="overlay"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        tabIndex={-1}
        ref={box}
        onClick={(e) => e.stopPropagation()}
      >
        <header className="overlay-head">
          <h2>{title}</h2>
          <button className="close" onClick={onClose} aria-label={t.close}>
            ×
          </button>
        </header>
        <div className="overlay-body">{children}</div>
      </div>
    </div>
  );
}
