import path from 'node:path';
import { z } from 'zod';

/**
 * Server configuration, read once from the process environment and validated,
 * so a typo in a deployment fails at start with a message naming the variable
 * instead of surfacing later as a confusing runtime error.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_PREPARE: booleanFlag.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DB_AUTO_MIGRATE: booleanFlag.optional(),
  DATA_DIR: z.string().default('.data'),
  SEED_DEMO_DATA: booleanFlag.default(true),
  PORTAL_ROOT: z.string().optional(),
});

export type ServerEnv = z.infer<typeof envSchema> & {
  /** Absolute folder holding supabase/ and content/. */
  rootDir: string;
  /** Absolute folder of the embedded database and local files. */
  dataDir: string;
};

let cached: ServerEnv | undefined;

/** Returns the validated configuration; throws one readable error listing every bad variable. */
export function getServerEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  if (cached && source === process.env) return cached;
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}\nSee .env.example.`);
  }
  const rootDir = path.resolve(parsed.data.PORTAL_ROOT ?? process.cwd());
  const env: ServerEnv = {
    ...parsed.data,
    rootDir,
    dataDir: path.resolve(rootDir, parsed.data.DATA_DIR),
  };
  if (source === process.env) cached = env;
  return env;
}

/** Forgets the cached configuration; tests change the environment between cases. */
export function resetServerEnvCache(): void {
  cached = undefined;
}
