import type { OperationStatus, ParticipantView } from '@contracts/joint-operations';

/** Element Plus tag types. */
export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

/** Every status in the order an operation passes through them, for filters and legends. */
export const operationStatuses: readonly OperationStatus[] = [
  'pending-approval',
  'returned',
  'confirming',
  'briefing',
  'executing',
  'wrap-up',
  'follow-up',
  'finished',
  'cancelled',
];

const statusTypes: Record<OperationStatus, TagType> = {
  'pending-approval': 'warning',
  returned: 'danger',
  confirming: 'primary',
  briefing: 'primary',
  executing: 'success',
  'wrap-up': 'warning',
  'follow-up': 'info',
  finished: 'info',
  cancelled: 'info',
};

/** The tag colour of an operation's status: what needs someone's hand stands out, what is over is grey. */
export function statusTagType(status: OperationStatus): TagType {
  return statusTypes[status] ?? 'info';
}

/** Whether the operation has a wrap-up report to show. */
export function hasReport(status: OperationStatus): boolean {
  return status === 'wrap-up' || status === 'follow-up' || status === 'finished';
}

const participantTypes: Record<ParticipantView['status'], TagType> = { waiting: 'warning', confirmed: 'success', escalated: 'danger' };

/** The tag colour of a department's confirmation. */
export function participantTagType(status: ParticipantView['status']): TagType {
  return participantTypes[status] ?? 'info';
}
