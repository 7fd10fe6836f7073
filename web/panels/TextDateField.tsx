// A labelled date typed as dd/mm/yyyy (native date inputs follow the browser's locale, not Vietnamese usage).
export function TextDateField({
  label,
  name,
  value,
  onChange,
  size,
}: {
  label: string;
  name: string;
  value: string;
  onChange(value: string): void;
  size?: number;
}) {
  return (
    <label>
      {label}
      <input
        name={name}
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        size={size}
        required
      />
    </label>
  );
}
