import { z } from 'zod';
import { parseWorkingHours } from '../modules/calendar/index.js';

/**
 * Every setting of Lianqin: its environment variable, default and meaning.
 * The README's configuration table is generated from this list (npm run config:doc), so keep `doc` short and true.
 */
export const settings = {
  PORT: { schema: z.coerce.number().int().min(0).max(65535).default(3000), doc: 'HTTP port of the API and web app (0 picks a free port).' },
  HOST: { schema: z.string().min(1).default('127.0.0.1'), doc: 'Address the API listens on.' },
  PUBLIC_URL: { schema: z.url({ protocol: /^https?$/ }).optional(), doc: 'URL printed for users; defaults to http://HOST:PORT.' },
  LOG_LEVEL: { schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'), doc: 'pino log level.' },
  TRUST_PROXY: {
    schema: z
      .string()
      .default('false')
      .refine((v) => v === 'false' || /^\d{1,2}$/.test(v) || (v !== 'true' && /^[\w.:/,\s-]+$/.test(v)), 'must be false, a number of proxy hops, or comma-separated proxy addresses (true would trust any client)')
      .transform((v): boolean | number | string => (v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v)),
    doc: 'Which proxies may set X-Forwarded-For: false (none, the client address is the peer), a hop count, or addresses/subnets such as loopback or 10.0.0.0/8.',
  },
  SIGN_IN_ATTEMPTS: { schema: z.coerce.number().int().min(1).max(1000).default(10), doc: 'Failed sign-ins allowed per address and user name in 15 minutes.' },
  DEMO_DATA: {
    schema: z.stringbool().default(true),
    doc: 'Seed the demo accounts (published password), shops and crews at start-up. Set false in production and create the first admin with npm run create-admin.',
  },
  DATABASE_URL: {
    schema: z.string().regex(/^(mysql|mariadb):\/\//, 'must start with mysql:// or mariadb://').optional(),
    doc: 'App database, e.g. mysql://root@127.0.0.1:3306/lianqin. Unset: embedded SQLite file under DATA_DIR.',
  },
  DATA_DIR: { schema: z.string().min(1).default('data'), doc: 'Folder for the embedded SQLite file and the H2 engine files.' },
  ENGINE_URL: { schema: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8080/engine-rest'), doc: 'Base URL of the Camunda 7 REST API.' },
  ENGINE_START: { schema: z.stringbool().default(true), doc: 'npm start launches the engine jar on ENGINE_URL\'s port (false: use an engine you run yourself).' },
  ENGINE_USER: { schema: z.string().min(1).default('lianqin'), doc: 'Engine REST user (HTTP basic), also the engine admin that npm start creates. Never sent to browsers.' },
  ENGINE_PASSWORD: {
    schema: z.string().min(1).optional(),
    doc: 'Engine REST password. Unset: read from DATA_DIR/secrets/engine-admin-password, which npm start creates (mode 0600) with a random password.',
  },
  ENGINE_TIMEOUT_MS: { schema: z.coerce.number().int().positive().default(10_000), doc: 'Timeout of one engine REST call.' },
  ENGINE_READ_RETRIES: { schema: z.coerce.number().int().min(0).max(10).default(2), doc: 'Retries of idempotent engine reads.' },
  PROCESSES_DIR: { schema: z.string().min(1).default('processes'), doc: 'Folder of BPMN, DMN and form files deployed at start-up.' },
  DEPLOY_ON_START: { schema: z.stringbool().default(true), doc: 'Deploy processes/ when the server starts.' },
  WORKERS: { schema: z.enum(['in-process', 'off']).default('in-process'), doc: 'Run the department workers inside the API process, or not (then run npm run worker).' },
  DUPLICATE_RADIUS_M: { schema: z.coerce.number().int().min(1).max(5000).default(50), doc: 'Radius of the duplicate-report check, in metres.' },
  DUPLICATE_WINDOW_DAYS: { schema: z.coerce.number().int().min(1).max(365).default(7), doc: 'How many days back the duplicate-report check looks.' },
  WEBHOOK_URL: { schema: z.url({ protocol: /^https?$/ }).optional(), doc: 'Where the outbox posts notifications as JSON (unset: in-app only; the outbox keeps them).' },
  OUTBOX_INTERVAL_MS: { schema: z.coerce.number().int().min(100).default(2000), doc: 'How often the outbox is drained to the webhook.' },
  WORKER_DEPARTMENTS: {
    schema: z.string().default('all').transform((s) => s.split(',').map((d) => d.trim()).filter(Boolean)),
    doc: 'Comma-separated departments whose workers this process runs, or "all".',
  },
  WORKER_MAX_PARALLEL: { schema: z.coerce.number().int().min(1).max(200).default(10), doc: 'Most external tasks one worker process handles at once.' },
  WORKER_LOCK_MS: { schema: z.coerce.number().int().min(1000).default(60_000), doc: 'Lock duration of a fetched task; extended while a handler runs.' },
  WORKER_LONG_POLL_MS: { schema: z.coerce.number().int().min(0).max(60_000).default(10_000), doc: 'Long-polling wait of fetchAndLock.' },
  WORKER_RETRIES: { schema: z.coerce.number().int().min(0).max(20).default(3), doc: 'Retries of a failing task before it becomes an incident.' },
  WORKER_SHUTDOWN_GRACE_MS: { schema: z.coerce.number().int().min(0).default(30_000), doc: 'How long shutdown waits for in-flight handlers before unlocking them.' },
  TASK_STREAM_POLL_MS: { schema: z.coerce.number().int().min(250).max(60_000).default(2000), doc: 'How often open inboxes are checked for changed tasks, pushed to browsers as server-sent events.' },
  MAP_TILE_URL: {
    schema: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL template')
      .refine((url) => ['{z}', '{x}', '{y}'].every((part) => url.includes(part)), 'must contain {z}, {x} and {y}')
      .optional(),
    doc: 'Base map tiles (Leaflet URL template, e.g. https://tiles.example.cn/{z}/{x}/{y}.png). Unset: grids on a blank map, fully offline.',
  },
  MAP_TILE_ATTRIBUTION: { schema: z.string().max(200).optional(), doc: 'Attribution shown under the base map tiles.' },
  WORKING_HOURS: {
    schema: z.string().default('08:30-12:00,13:30-17:30').superRefine((text, ctx) => {
      try {
        parseWorkingHours(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
    doc: 'Working periods of a working day in Beijing time: comma-separated HH:MM-HH:MM, ascending, non-overlapping.',
  },
} as const;

type Settings = typeof settings;

/** zod schema over the whole environment. */
export const configSchema = z.object(
  Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, v.schema])) as { [K in keyof Settings]: Settings[K]['schema'] },
);

/** The validated configuration, keyed like the environment. */
export type Config = z.output<typeof configSchema>;
