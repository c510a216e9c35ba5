import type { OperationEventView } from '@contracts/joint-operations';
import { formatWall } from './wall-time';

/** One line under a timeline entry: a message of `operations.eventText` with its values, or text as people wrote it. */
export type EventLine = { key: string; params: Record<string, string | number> } | { text: string };

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** What an event's own fields say, by event type; the keys of the details are the ones the joint-operations workers write. */
function typedLines(type: string, d: Record<string, unknown>): EventLine[] {
  const lines: EventLine[] = [];
  const people = num(d.people);
  const vehicles = num(d.vehicles);
  if (people !== null && vehicles !== null) lines.push({ key: 'resources', params: { people, vehicles } });
  switch (type) {
    case 'briefing-announced':
      if (str(d.at) && str(d.place)) lines.push({ key: 'briefing', params: { at: formatWall(str(d.at)), place: str(d.place)! } });
      break;
    case 'finding-recorded':
      if (str(d.measure)) lines.push({ key: 'measure', params: { measure: str(d.measure)! } });
      if (d.firstViolationNoPenalty === true) lines.push({ key: 'firstViolation', params: {} });
      break;
    case 'documents-issued':
      if (Array.isArray(d.documents))
        for (const document of d.documents) if (str((document as { documentNo?: unknown })?.documentNo)) lines.push({ key: 'documentNo', params: { no: (document as { documentNo: string }).documentNo } });
      break;
    case 'shops-checked':
      if (num(d.shops) !== null) lines.push({ key: 'shopsChecked', params: { shops: num(d.shops)!, flagged: num(d.flagged) ?? 0 } });
      break;
    case 'crew-dispatched':
      lines.push(str(d.crewName) ? { key: 'crew', params: { name: str(d.crewName)!, distance: num(d.distanceM) ?? 0 } } : { key: 'noCrew', params: {} });
      break;
    case 'report-generated':
      if (num(d.findings) !== null) lines.push({ key: 'report', params: { findings: num(d.findings)!, cases: num(d.casesFiled) ?? 0, followUps: num(d.followUps) ?? 0 } });
      break;
    case 'followed-up':
      if (typeof d.corrected === 'boolean') lines.push({ key: d.corrected ? 'corrected' : 'notCorrected', params: {} });
      break;
    case 'escalated':
      if (str(d.confirmBy)) lines.push({ key: 'confirmBy', params: { at: formatWall(str(d.confirmBy)) } });
      break;
  }
  if (str(d.documentNo)) lines.push({ key: 'documentNo', params: { no: str(d.documentNo)! } });
  if (str(d.caseNo)) lines.push({ key: 'caseNo', params: { no: str(d.caseNo)! } });
  return lines;
}

/** Keys of a detail that hold what people wrote (reasons, comments, notes); shown as they are. */
const writtenKeys = ['reason', 'comment', 'note', 'description'];

/** The lines to show under a timeline entry: what the event's fields say, then what people wrote. */
export function eventLines(event: Pick<OperationEventView, 'type' | 'detail'>): EventLine[] {
  const detail = event.detail;
  if (!detail) return [];
  return [...typedLines(event.type, detail), ...writtenKeys.flatMap((key) => (str(detail[key]) ? [{ text: str(detail[key])! }] : []))];
}

/** How to name who did something (`xName ?? x`, the server fills xName), and nobody for the engine and the department workers. */
export function personLabel(username: string | null | undefined, displayName?: string | null): string {
  if (!username || username === 'system' || username.startsWith('worker:')) return '';
  return displayName ?? username;
}
