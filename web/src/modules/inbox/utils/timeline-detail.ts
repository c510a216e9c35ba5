/** Keys of a timeline entry's detail that hold text a reader needs (comments, reasons, results); the rest is bookkeeping. */
const readableKeys = [
  'body',
  'reason',
  'returnReason',
  'extensionReason',
  'suspendReason',
  'rejectReason',
  'handlingResult',
  'handlingNote',
  'result',
  'resumeNote',
  'verifyNote',
  'callbackNote',
  'supervisionOpinion',
  'noticeNo',
  'note',
];

function readableValues(detail: Record<string, unknown>): string[] {
  return readableKeys.flatMap((key) => {
    const value = detail[key];
    return typeof value === 'string' || typeof value === 'number' ? [String(value)] : [];
  });
}

/** The readable text of a timeline entry's detail (also inside its submitted form `values`); empty when there is none. */
export function timelineDetailText(detail: unknown): string {
  if (typeof detail === 'string') return detail;
  if (typeof detail !== 'object' || detail === null) return '';
  const record = detail as Record<string, unknown>;
  const values = typeof record.values === 'object' && record.values !== null ? readableValues(record.values as Record<string, unknown>) : [];
  return [...readableValues(record), ...values].filter((text) => text.trim() !== '').join('；');
}

/** Whether a timeline entry's detail says it missed its time limit. */
export function timelineLate(detail: unknown): boolean {
  return typeof detail === 'object' && detail !== null && (detail as { onTime?: unknown }).onTime === false;
}
