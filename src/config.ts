import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

/**
 * The one place configuration is read and validated. Invalid configuration stops start-up with a readable
 * list of every problem (not just the first).
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(1, 'PORT 必须是 1–65535 之间的整数').max(65535, 'PORT 必须是 1–65535 之间的整数').default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  FAZHI_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头')
    .optional(),
  FAZHI_SESSION_SECRET: z.string().min(32, 'FAZHI_SESSION_SECRET 至少 32 个字符').optional(),
  FAZHI_ALLOWED_ORIGINS: z
    .string()
    .transform((list, ctx) => {
      const origins: string[] = [];
      for (const item of list.split(',').map((o) => o.trim()).filter(Boolean)) {
        const origin = URL.canParse(item) && /^https?:$/.test(new URL(item).protocol) ? new URL(item).origin : null;
        // An origin is scheme://host[:port] and nothing more: a path or a trailing slash is a mistake worth naming.
        if (origin === null || origin !== item.replace(/\/$/, '').toLowerCase()) {
          ctx.addIssue({ code: 'custom', message: `${item} 不是有效的来源（应为 https://主机名[:端口]，多个以逗号分隔）` });
        } else origins.push(origin);
      }
      return origins;
    })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Signs session cookies. In production it must be configured; elsewhere a random one per process is used. */
  sessionSecret: string;
  sessionSecretGenerated: boolean;
  /** Origins besides the server's own from which browsers may send writes (a deployment behind a proxy). */
  allowedOrigins: string[];
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  production: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置无效：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset: `PORT= npm start` should mean the default, not an error.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  if (production && !c.FAZHI_SESSION_SECRET) {
    throw new ConfigError(['FAZHI_SESSION_SECRET: 生产环境必须配置会话密钥（至少 32 个字符）']);
  }
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.FAZHI_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    sessionSecret: c.FAZHI_SESSION_SECRET ?? randomBytes(32).toString('hex'),
    sessionSecretGenerated: !c.FAZHI_SESSION_SECRET,
    allowedOrigins: c.FAZHI_ALLOWED_ORIGINS ?? [],
    logLevel: c.LOG_LEVEL,
    production,
  };
}
