const colours: Record<string, string> = {
  'public-security': '#2563eb',
  'urban-management': '#ea580c',
  commerce: '#16a34a',
  sanitation: '#9333ea',
};

/** The colour of a department's map markers, so that a finding's department shows at a glance; grey for others. Keep in step with operations-colours.css. */
export function departmentColour(code: string | null | undefined): string {
  return (code && colours[code]) || '#64748b';
}

/** The CSS modifier naming a department's colour class (see operations-colours.css); `other` for unknown codes. */
export function departmentColourClass(code: string | null | undefined): string {
  return `operations-colour--${code && code in colours ? code : 'other'}`;
}
