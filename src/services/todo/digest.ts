/**
 * 今日摘要 for a user named by username (`fazhi todo digest --user <name>`): the CLI acts as that user's reader — the
 * same to-dos the user sees in the staff app, within the user's own scope and roles, nothing more.
 */
import { eq } from 'drizzle-orm';
import type { Actor, Role } from '../../domain/access.ts';
import { notFound, validationError } from '../../domain/errors.ts';
import type { TodoDigest } from '../../domain/todo/views.ts';
import type { Executor } from '../../db/connect.ts';
import { organizations, users } from '../../db/schema.ts';
import { digestTodo } from './todo.ts';

export async function digestForUsername(ctx: { db: Executor; clock: () => Date }, username: string): Promise<{ user: string; digest: TodoDigest }> {
  const name = username.trim();
  if (!name) throw validationError('请用 --user 指定用户名');
  const [row] = await ctx.db
    .select({ userId: users.id, organizationId: users.organizationId, organizationPath: organizations.path, roles: users.roles, displayName: users.displayName, active: users.active })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.username, name));
  if (!row) throw notFound(`用户“${name}”`);
  if (!row.active) throw validationError(`用户“${name}”已停用`);
  const { active: _active, ...rest } = row;
  const actor: Actor = { ...rest, roles: rest.roles as Role[] };
  return { user: `${row.displayName}（${name}）`, digest: await digestTodo(ctx, actor) };
}
