import { Badge } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { casePolicy } from '../../domain/cases/policy.ts';
import { may } from '../../domain/policy.ts';
import type { TodoPage } from '../../domain/todo/views.ts';
import { api } from '../shared/api.ts';
import { useMe } from './auth.tsx';

const CHANGED = 'fazhi:todo-changed';

/** Tells the menu badge to count again (after a step that may have ended a to-do). */
export function notifyTodoChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/** Page changes count again at most this often; notifyTodoChanged() counts at once. */
const RECOUNT_MS = 60_000;

/** The number of my to-dos (and notices, e.g. the annual report due), counted again on page changes (at most once a minute) and after notifyTodoChanged(); null until known. */
export function useTodoCount(): number | null {
  const me = useMe();
  const { pathname } = useLocation();
  const [count, setCount] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  const allowed = may(me, casePolicy.workOnCases);
  const counted = useRef({ at: 0, tick: -1 });
  useEffect(() => {
    const bump = () => setTick((t) => t + 1);
    window.addEventListener(CHANGED, bump);
    return () => window.removeEventListener(CHANGED, bump);
  }, []);
  useEffect(() => {
    if (!allowed) return;
    const now = Date.now();
    if (counted.current.tick === tick && now - counted.current.at < RECOUNT_MS) return;
    counted.current = { at: now, tick };
    const controller = new AbortController();
    api.get<TodoPage>('/todo', { limit: 1 }, controller.signal).then(
      (page) => setCount(page.total + page.notices.length),
      // Not counted (aborted by a newer page, or failed): the next page change counts again.
      () => {
        counted.current.at = 0;
      },
    );
    return () => controller.abort();
  }, [allowed, pathname, tick]);
  return count;
}

/** The menu label of 我的待办 with its count. */
export function TodoLabel({ label }: { label: string }) {
  const count = useTodoCount();
  return (
    <span data-testid="todo-menu-label">
      {label}
      {count ? <Badge count={count} size="small" overflowCount={99} style={{ marginInlineStart: 8 }} /> : null}
    </span>
  );
}
