const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as "YYYY-MM-DD HH:mm:ss" (or without seconds) in Beijing time, whatever the browser's time zone; empty for a missing value. */
export function formatBeijingTime(value: string | Date | null | undefined, withSeconds = true): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const part = Object.fromEntries(formatter.formatToParts(date).map(({ type, value: text }) => [type, text]));
  const minutes = `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
  return withSeconds ? `${minutes}:${part.second}` : minutes;
}

/** The first and last instant (ISO 8601 with the +08:00 offset) of the Beijing days from `start` to `end`, given as "YYYY-MM-DD". */
export function beijingDayRange(start: string, end: string): { from: string; to: string } {
  return { from: `${start}T00:00:00+08:00`, to: `${end}T23:59:59.999+08:00` };
}

/** Today's date in Beijing as "YYYY-MM-DD", shifted by `days`. */
export function beijingDate(days = 0): string {
  return formatBeijingTime(new Date(Date.now() + days * 86_400_000)).slice(0, 10);
}
