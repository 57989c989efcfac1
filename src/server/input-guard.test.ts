import { describe, expect, it } from 'vitest';
import { CONNECTION_LOST_MESSAGE, DATA_EXCEPTION_MESSAGE, toErrorBody, TRANSACTION_ROLLBACK_MESSAGE } from './errors.ts';
import { findInvalidText, isInvalidText } from './input-guard.ts';

describe('text PostgreSQL cannot store is found anywhere in the input', () => {
  it('a NUL and a lone surrogate are invalid; a surrogate pair, tabs and newlines are not', () => {
    expect(isInvalidText('a\u0000b')).toBe(true);
    expect(isInvalidText('a\ud800b')).toBe(true);
    expect(isInvalidText('a\udc00')).toBe(true);
    expect(isInvalidText('𠮷 \t\n')).toBe(false);
  });
  it('names the path of the first invalid string, keys included', () => {
    expect(findInvalidText({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toBe('a.1.c');
    expect(findInvalidText({ ['k\ud800']: 1 })).toBe('k\ud800');
    expect(findInvalidText({ a: 1, b: null, c: ['fine'] })).toBeNull();
  });
});

describe('a database data exception (SQLSTATE class 22) is the client\'s malformed input: 400, not 500', () => {
  it('maps 22003 and 22021, also wrapped as the cause of a query error; other database errors stay 500', () => {
    expect(toErrorBody(Object.assign(new Error('value out of range for type integer'), { code: '22003' }))).toEqual({ code: 'VALIDATION', message: DATA_EXCEPTION_MESSAGE });
    const wrapped = new Error('Failed query', { cause: Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }) });
    expect(toErrorBody(wrapped).code).toBe('VALIDATION');
    expect(toErrorBody(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' })).code).toBe('INTERNAL');
  });
});

describe('a transaction the database rolled back for a concurrent one (SQLSTATE class 40) is a 409: nothing saved, send it again', () => {
  it('maps a deadlock and a serialization failure, also wrapped', () => {
    expect(toErrorBody(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toEqual({ code: 'CONFLICT', message: TRANSACTION_ROLLBACK_MESSAGE });
    const wrapped = new Error('Failed query', { cause: Object.assign(new Error('could not serialize access'), { code: '40001' }) });
    expect(toErrorBody(wrapped)).toEqual({ code: 'CONFLICT', message: TRANSACTION_ROLLBACK_MESSAGE });
  });
});

describe('a request whose database connection went away is a 503 saying to look before sending it again', () => {
  it('maps an administrator’s termination, a lost connection and a reset socket, also wrapped; other errors stay 500', () => {
    const busy = { code: 'BUSY', message: CONNECTION_LOST_MESSAGE };
    expect(toErrorBody(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toEqual(busy);
    expect(toErrorBody(new Error('Failed query: rollback', { cause: new Error('Connection terminated unexpectedly') }))).toEqual(busy);
    expect(toErrorBody(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toEqual(busy);
    expect(toErrorBody(Object.assign(new Error('connection failure'), { code: '08006' }))).toEqual(busy);
    expect(toErrorBody(new Error('Connection string is invalid')).code).toBe('INTERNAL');
  });
});
