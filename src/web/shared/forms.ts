import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from './api.ts';

/**
 * Shows a failed save on the form: each field the server named gets its message under the field; the whole
 * message is also returned for a toast. Fields the form does not have are left to the toast.
 */
export function showServerErrors(form: FormInstance, error: unknown, knownFields: readonly string[]): string {
  if (error instanceof ApiError) {
    const problems = error.fieldProblems().filter((p) => knownFields.includes(p.field.split('.')[0]!));
    if (problems.length > 0) {
      const byField = new Map<string, string[]>();
      for (const p of problems) {
        const name = p.field.split('.')[0]!;
        byField.set(name, [...(byField.get(name) ?? []), p.message]);
      }
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    }
  }
  return errorMessage(error);
}
