// Time travel: an "as of" date, a slider of month ends from plan start to today, and play.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { addDays, parseVnDate, type IsoDate } from '../../geo/dates';
import { useT } from '../i18n/context';
import { formatDate } from '../i18n/format';
import { prefetchStatuses } from '../state/useDashboard';
import { keyForControl, useWindowKeys } from '../state/useWindowKeys';

/** Month ends from `start` to `end`, with `end` itself last. */
export function monthSteps(start: IsoDate, end: IsoDate): IsoDate[] {
  const steps: IsoDate[] = [];
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  for (;;) {
    const next = `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`;
    const monthEnd = addDays(next, -1);
    if (monthEnd >= end) break;
    steps.push(monthEnd);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  steps.push(end);
  return steps;
}

function nearest(steps: IsoDate[], date: IsoDate): number {
  const i = steps.findIndex((s) => s >= date);
  return i < 0 ? steps.length - 1 : i;
}

/** A dd/mm/yyyy text field (native date inputs follow the browser's locale, not Vietnamese usage). */
function DateField({
  value,
  min,
  max,
  onChange,
}: {
  value: IsoDate;
  min: IsoDate;
  max: IsoDate;
  onChange(d: IsoDate): void;
}) {
  const [text, setText] = useState(formatDate(value));
  const [invalid, setInvalid] = useState(false);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value); // the date moved elsewhere (slider, keys): the field shows it
    setText(formatDate(value));
  }
  const commit = () => {
    const iso = parseVnDate(text);
    const ok = iso !== null && iso >= min && iso <= max;
    setInvalid(!ok);
    if (ok) onChange(iso);
  };
  return (
    <input
      className={invalid ? 'invalid' : ''}
      aria-invalid={invalid}
      inputMode="numeric"
      placeholder="dd/mm/yyyy"
      size={10}
      value={text}
      data-testid="date-input"
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

interface Props {
  start: IsoDate;
  end: IsoDate;
  /** Earliest date one may type (the first plan's start); the slider covers the current plan. */
  earliest: IsoDate;
  date: IsoDate;
  onChange(date: IsoDate): void;
  /** The presentation's keys: ← → step a month, Space plays or pauses (not while typing in a field). */
  keys?: boolean;
}

function usePresentationKeys(
  on: boolean,
  steps: IsoDate[],
  date: IsoDate,
  onChange: (d: IsoDate) => void,
  toggle: () => void,
) {
  useWindowKeys((e) => {
    if (keyForControl(e)) return;
    const i = nearest(steps, date);
    if (e.key === 'ArrowRight' && i + 1 < steps.length) onChange(steps[i + 1]!);
    else if (e.key === 'ArrowLeft' && i > 0) onChange(steps[i - 1]!);
    else if (e.key === ' ') toggle();
    else return;
    e.preventDefault();
  }, on);
}

export function TimeBar({ start, end, earliest, date, onChange, keys = false }: Props) {
  const t = useT();
  const steps = useMemo(() => monthSteps(start, end), [start, end]);
  const [playing, setPlaying] = useState(false);
  const index = nearest(steps, date);
  const toggle = useCallback(() => {
    prefetchStatuses(steps);
    setPlaying((p) => !p);
  }, [steps]);
  usePresentationKeys(keys, steps, date, onChange, toggle);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const next = nearest(steps, date) + 1;
      if (next >= steps.length) setPlaying(false);
      else onChange(steps[next]!);
    }, 700);
    return () => clearInterval(timer);
  }, [playing, steps, date, onChange]);

  return (
    <section className="timebar" aria-label={t.asOf}>
      <button onClick={toggle} data-testid="play" aria-pressed={playing}>
        {playing ? `⏸ ${t.pause}` : `▶ ${t.play}`}
      </button>
      <input
        type="range"
        min={0}
        max={steps.length - 1}
        value={index}
        aria-label={t.asOf}
        aria-valuetext={formatDate(steps[index]!)}
        data-testid="date-slider"
        onChange={(e) => onChange(steps[Number(e.target.value)]!)}
        onPointerDown={() => prefetchStatuses(steps)}
        onFocus={() => prefetchStatuses(steps)}
      />
      <label className="as-of">
        {t.asOf}
        <DateField value={date} min={earliest} max={end} onChange={onChange} />
      </label>
      <button onClick={() => onChange(end)}>{t.today}</button>
    </section>
  );
}
