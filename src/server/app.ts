import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import pino from 'pino';
import { type ZodTypeProvider, jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import '../domain/zod-locale.ts';
import type { ServiceContext } from '../services/context.ts';
import { installAuth } from './auth.ts';
import { installErrorHandling } from './errors.ts';
import { installInputGuard } from './input-guard.ts';
import { installOriginCheck } from './request-origin.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { workOrderRoutes } from './routes/workorders.ts';
import { inspectionRoutes, publicInspectionRoutes } from './routes/inspections.ts';
import { inspectionPlanRoutes, publicInspectionPlanRoutes } from './routes/inspection-plans.ts';
import { patrolRoutes } from './routes/patrols.ts';
import { workOrderIntakeRoutes } from './routes/open311.ts';
import { documentRoutes } from './routes/documents.ts';
import { caseRoutes } from './routes/cases.ts';
import { discretionRoutes, publicDiscretionRoutes } from './routes/discretion.ts';
import { healthRoutes } from './routes/health.ts';
import { organizationRoutes } from './routes/organizations.ts';
import { oversightRoutes } from './routes/oversight.ts';
import { actLookupGuard, defaultPublicLimits, type PublicLimits } from './public-limits.ts';
import { publicRoutes } from './routes/public.ts';
import { reportRoutes } from './routes/reports.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { enforcementStatisticsRoutes, publicEnforcementStatisticsRoutes } from './routes/enforcement-statistics.ts';
import { reportRollupRoutes } from './routes/report-rollup.ts';
import { annualReportRoutes } from './routes/annual-reports.ts';
import { portalRoutes } from './routes/portal.ts';
import { userRoutes } from './routes/users.ts';
import { todoRoutes } from './routes/todo.ts';
import { registerWebApp } from './static.ts';
import { responseSerializerCompiler } from './serializers.ts';
import { REPORT_UPLOAD_LIMITS } from './zod-app.ts';
import { type AnalysisGate, createAnalysisGate } from './analysis-gate.ts';
import { REPORT_UPLOAD_DEFAULTS, type ReportUploadLimits } from './report-uploads.ts';

export interface AppOptions {
  ctx: ServiceContext;
  sessionSecret: string;
  /** Mark cookies Secure (behind HTTPS in production). */
  secureCookies?: boolean;
  logger?: FastifyBaseLogger | boolean | { level: string };
  databaseKind: 'pglite' | 'postgres';
  /** Requests per minute per address and username on the login route. */
  loginRateLimit?: number;
  /** Failed logins per 15 minutes per address, across usernames (password spraying); default 20. */
  loginAddressLimit?: number;
  /** Limits of `/api/public/*` (public-limits.ts); each one not given keeps its default. */
  publicLimits?: Partial<PublicLimits>;
  /** Origins allowed to send writes besides the server's own (src/server/request-origin.ts), e.g. behind a proxy. */
  allowedOrigins?: readonly string[];
  /** Size limits of report-analysis uploads (default REPORT_UPLOAD_DEFAULTS). */
  reportLimits?: Partial<ReportUploadLimits>;
  /** The process's report-analysis concurrency limit (default: ANALYSES_AT_ONCE running, ANALYSIS_QUEUE_LENGTH waiting). */
  analysisGate?: AnalysisGate;
  /** Check every answer with its zod response schema as well (default: under vitest only; src/server/serializers.ts). */
  checkResponses?: boolean;
}

/**
 * Request logs written asynchronously (issue 16): pino's default destination writes each line to stdout at once, two
 * system calls per request; an asynchronous destination gathers the lines and writes them in the background. Lines
 * still buffered are written when the app closes (and by pino at process exit).
 */
function asyncLogger(logger: AppOptions['logger']): { logger: AppOptions['logger'] | { level: string; stream: pino.DestinationStream }; flush: () => void } {
  if (typeof logger !== 'object' || logger === null || !('level' in logger) || 'child' in logger) return { logger: logger ?? false, flush: () => undefined };
  const stream = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  return {
    logger: { level: logger.level, stream },
    flush: () => {
      try {
        stream.flushSync();
      } catch {
        // Nothing buffered, or stdout already closed.
      }
    },
  };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const logging = asyncLogger(options.logger);
  const app = Fastify({
    logger: logging.logger,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
  });
  app.addHook('onClose', async () => logging.flush());
  app.setValidatorCompiler(validatorCompiler);
  // Compiled serializers; under vitest zod checks each answer too and the two must agree (serializers.ts).
  app.setSerializerCompiler(responseSerializerCompiler({ check: options.checkResponses ?? process.env.NODE_ENV === 'test' }));
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"] },
    },
  });
  await app.register(fastifyCookie, { secret: options.sessionSecret });
  await app.register(fastifyMultipart, { limits: REPORT_UPLOAD_LIMITS });
  // preHandler: the login limit is keyed by the username in the body, which is parsed only by then.
  await app.register(fastifyRateLimit, { global: false, hook: 'preHandler' });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Fazhi 法治 API', version: '0.1.0', description: '法治政府建设综合平台接口。错误统一为 { code, message, details? }。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fazhi_session' } } },
    },
    transform: jsonSchemaTransform,
  });

  installErrorHandling(app);
  installInputGuard(app);
  // Before the session is looked up: a forged cross-site write costs no database query.
  installOriginCheck(app, { allowedOrigins: options.allowedOrigins, secureCookies: options.secureCookies });
  installAuth(app, options.ctx);

  const publicLimits: PublicLimits = { ...defaultPublicLimits, ...options.publicLimits };
  // Challenges are signed under a key derived from the session secret, which every app server of a deployment shares.
  const lookupGuard = actLookupGuard(options.sessionSecret, publicLimits);

  const api = app.withTypeProvider<ZodTypeProvider>();
  await api.register(
    async (scoped) => {
      const z = scoped.withTypeProvider<ZodTypeProvider>();
      healthRoutes(z, options.ctx, options.databaseKind);
      authRoutes(z, options.ctx, {
        secureCookies: options.secureCookies ?? false,
        loginRateLimit: options.loginRateLimit ?? 10,
        loginAddressLimit: options.loginAddressLimit ?? 20,
      });
      organizationRoutes(z, options.ctx);
      userRoutes(z, options.ctx);
      calendarRoutes(z, options.ctx);
      workOrderRoutes(z, options.ctx);
      auditRoutes(z, options.ctx);
      caseRoutes(z, options.ctx);
      oversightRoutes(z, options.ctx);
      todoRoutes(z, options.ctx);
      publicRoutes(z, options.ctx, publicLimits, lookupGuard);
      discretionRoutes(z, options.ctx);
      publicDiscretionRoutes(z, options.ctx, publicLimits);
      // One gate for every report analysis of the process: the analyze route and uploads to the roll-up.
      const analysisGate = options.analysisGate ?? createAnalysisGate();
      reportRoutes(z, { limits: { ...REPORT_UPLOAD_DEFAULTS, ...options.reportLimits }, gate: analysisGate });
      documentRoutes(z, options.ctx);
      portalRoutes(z, options.ctx, publicLimits);
      inspectionRoutes(z, options.ctx);
      indicatorRoutes(z, options.ctx);
      reportRollupRoutes(z, options.ctx, analysisGate);
      annualReportRoutes(z, options.ctx, publicLimits);
      publicInspectionRoutes(z, options.ctx, publicLimits, lookupGuard);
      patrolRoutes(z, options.ctx);
      inspectionPlanRoutes(z, options.ctx);
      publicInspectionPlanRoutes(z, options.ctx, publicLimits);
      enforcementStatisticsRoutes(z, options.ctx);
      publicEnforcementStatisticsRoutes(z, options.ctx, publicLimits);
    },
    { prefix: '/api' },
  );
  await workOrderIntakeRoutes(app, options.ctx, publicLimits, lookupGuard);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // After every /api route: the built web app with its SPA fallback (unknown /api paths stay JSON 404s).
  await registerWebApp(app);
  return app;
}
