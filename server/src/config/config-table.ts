import { settings } from './config.schema.js';

/** The configuration as a Markdown table (variable, default, meaning), for the README. */
export function configTable(): string {
  const rows = Object.entries(settings).map(([name, s]) => {
    const parsed = s.schema.safeParse(undefined);
    const fallback = parsed.success && parsed.data !== undefined ? `\`${Array.isArray(parsed.data) ? parsed.data.join(',') : String(parsed.data)}\`` : '(unset)';
    return `| \`${name}\` | ${fallback} | ${s.doc} |`;
  });
  return ['| Variable | Default | Meaning |', '|---|---|---|', ...rows].join('\n');
}
