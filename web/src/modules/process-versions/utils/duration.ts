/** A duration in the largest units that matter, e.g. "2 天 3 小时", "45 分钟", "12 秒" (or in English). */
export function formatDuration(ms: number, locale: string): string {
  const en = locale.startsWith('en');
  const units: Array<[number, string, string]> = [
    [86_400_000, ' 天', 'd'],
    [3_600_000, ' 小时', 'h'],
    [60_000, ' 分钟', 'min'],
    [1_000, ' 秒', 's'],
  ];
  if (ms < 1_000) return en ? `${Math.round(ms)} ms` : `${Math.round(ms)} 毫秒`;
  const parts: string[] = [];
  let rest = ms;
  for (const [size, zh, short] of units) {
    const count = Math.floor(rest / size);
    if (count > 0 && parts.length < 2) parts.push(en ? `${count} ${short}` : `${count}${zh}`);
    if (count > 0) rest -= count * size;
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

/** Heat levels 1–5 of the durations heat map: each activity's median against the slowest one. */
export function heatLevel(medianMs: number, slowestMs: number): number {
  if (slowestMs <= 0) return 1;
  return Math.min(5, Math.max(1, Math.ceil((medianMs / slowestMs) * 5)));
}
