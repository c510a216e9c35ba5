/** The four enforcement departments of DOMAIN.md; each code doubles as a Camunda candidate group. */
export const departmentCodes = ['public-security', 'urban-management', 'commerce', 'sanitation'] as const;

export type DepartmentCode = (typeof departmentCodes)[number];

export function isDepartmentCode(value: string): value is DepartmentCode {
  return (departmentCodes as readonly string[]).includes(value);
}
