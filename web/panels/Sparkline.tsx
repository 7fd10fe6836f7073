// A small yearly trend line (inline SVG) of one indicator's values.
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return <svg className="sparkline" role="img" aria-label={label} width={90} height={26} />;
  const [min, max] = [Math.min(...known), Math.max(...known)];
  const span = max - min || 1;
  const points = values
    .map((v, i) => (v === null ? null : `${(i / (values.length - 1)) * 86 + 2},${22 - ((v - min) / span) * 18}`))
    .filter(Boolean)
    .join(' ');
  return (
    <svg className="sparkline" role="img" aria-label={label} width={90} height={26} viewBox="0 0 90 26">
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth={1.8} />
    </svg>
  );
}
