import { i18n } from '@/i18n';

/** Action prefixes the audit filter offers, one per area of the app. */
export const auditActionGroups = ['auth', 'task', 'case', 'user', 'deployment'] as const;

/** Target types the audit filter offers. */
export const auditTargetTypes = ['user', 'task', 'case', 'deployment'] as const;

function translated(key: string): string | undefined {
  const { t, te } = i18n.global;
  if (!te(key)) return undefined;
  const text = t(key);
  return text === key ? undefined : text;
}

/** A readable label of an audit action code (e.g. task.claim → 认领任务); the group's name, or the code, when unknown. */
export function auditActionLabel(action: string): string {
  const [group, name] = action.split('.', 2);
  return (name ? translated(`admin.audit.actions.${group}.${name}`) : undefined) ?? translated(`admin.audit.actionGroup.${group}`) ?? action;
}

/** A readable label of an audit target type; the type itself when unknown. */
export function auditTargetTypeLabel(type: string): string {
  return translated(`admin.audit.targetTypeName.${type}`) ?? type;
}

/** A readable label of a before/after field path (e.g. roles.0 → 角色 [0]); the path itself when its field is unknown. */
export function auditFieldLabel(path: string): string {
  const [field, ...rest] = path.split('.');
  const label = field ? translated(`admin.audit.diff.fieldName.${field}`) : undefined;
  if (!label) return path;
  return rest.length ? `${label} [${rest.join('.')}]` : label;
}
