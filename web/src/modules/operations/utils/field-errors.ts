import { apiIssues } from '@/api/api-errors';

/** Messages keyed by the full path of the field they belong to, e.g. `schedule.recurrence.until` or `participants.1.tasks`. */
export type PathErrors = Record<string, string>;

/** The server's validation messages of a 400 answer keyed by their full path below `prefix` (the first message of each path). */
export function pathErrorsOf(error: unknown, prefix = 'body.'): PathErrors {
  const errors: PathErrors = {};
  for (const issue of apiIssues(error)) {
    if (!issue.path.startsWith(prefix)) continue;
    const path = issue.path.slice(prefix.length);
    if (path && !(path in errors)) errors[path] = issue.message;
  }
  return errors;
}

/** The message of a field, or of the first field below it (a form item for `schedule` shows a problem with `schedule.endsAt`); empty when none. */
export function errorAt(errors: PathErrors, path: string): string {
  if (errors[path]) return errors[path];
  const below = Object.keys(errors).find((key) => key.startsWith(`${path}.`));
  return below ? errors[below]! : '';
}

/** The messages of paths no field of the form shows (`shown` matches the paths it does), so that none is lost. */
export function unplacedErrors(errors: PathErrors, shown: RegExp): string[] {
  return Object.entries(errors)
    .filter(([path]) => !shown.test(path))
    .map(([, message]) => message);
}
