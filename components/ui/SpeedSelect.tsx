/**
 * A playback speed menu: "Speed" and the multiples on offer. The sandbox's player and the traffic diagram each
 * offer their own multiples (one request takes seconds, a traffic run minutes) and size it to their row.
 */
export function SpeedSelect<S extends number>({
  speeds,
  value,
  onChange,
  className,
}: {
  speeds: readonly S[];
  value: S;
  onChange: (speed: S) => void;
  className: string;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-slate-700 dark:text-slate-300">Speed</span>
      <select
        className={`rounded-md border border-slate-300 bg-white px-2 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 ${className}`}
        value={value}
        onChange={(e) => onChange(Number(e.target.value) as S)}
      >
        {speeds.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
    </label>
  );
}
