/** A variable as the engine's REST API carries it. */
export interface EngineVariable {
  value: unknown;
  type?: string;
  valueInfo?: Record<string, unknown>;
}

export type EngineVariables = Record<string, EngineVariable>;

/** Plain values a process variable may hold; objects and arrays travel as JSON. */
export type VariableValue = string | number | boolean | Date | null | Record<string, unknown> | unknown[];

/** Picks the engine type of a JavaScript value: integers as Long, fractions as Double, objects as Json. */
export function toEngineVariable(value: VariableValue): EngineVariable {
  if (value === null) return { value: null, type: 'Null' };
  if (typeof value === 'string') return { value, type: 'String' };
  if (typeof value === 'boolean') return { value, type: 'Boolean' };
  if (typeof value === 'number') return Number.isInteger(value) ? { value, type: 'Long' } : { value, type: 'Double' };
  if (value instanceof Date) return { value: formatEngineDate(value), type: 'Date' };
  return { value: JSON.stringify(value), type: 'Json' };
}

/** Converts a record of plain values into the engine's variable map. */
export function toEngineVariables(values: Record<string, VariableValue | undefined>): EngineVariables {
  const out: EngineVariables = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) out[name] = toEngineVariable(value);
  }
  return out;
}

/** Converts the engine's variable map back into plain values (Json parsed, Date as Date). */
export function fromEngineVariables(variables: EngineVariables): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(variables)) {
    const type = v.type?.toLowerCase();
    if (type === 'json' && typeof v.value === 'string') out[name] = JSON.parse(v.value);
    else if (type === 'date' && typeof v.value === 'string') out[name] = new Date(v.value);
    else out[name] = v.value;
  }
  return out;
}

/** The engine's default date format: yyyy-MM-dd'T'HH:mm:ss.SSSZ, e.g. 2026-01-02T08:30:00.000+0800. */
export function formatEngineDate(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}
