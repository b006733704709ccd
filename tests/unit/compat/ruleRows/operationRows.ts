/** Compat rule cases: operations: presence, address, deprecation, moves. */
import { doc, one } from '../fixtures.js';
import { ok, type RuleRow } from './ruleRow.js';

export const OPERATION_ROWS: RuleRow[] = [
  // Operations: presence, address, deprecation.
  {
    rule: 'operation-removed',
    title: 'an operation disappears',
    old: doc({ '/a': { get: { responses: ok } }, '/b': { get: { responses: ok } } }),
    new: doc({ '/a': { get: { responses: ok } } }),
    expect: [['breaking', '']],
    says: 'GET /b removed',
  },
  {
    rule: 'operation-removed',
    title: 'a renamed path parameter is the same operation',
    old: one('get', '/a/{id}', {}),
    new: one('get', '/a/{asset}', {}),
    expect: [],
  },
  {
    rule: 'operation-removed',
    title: 'a moved operation is not reported as removed',
    old: one('get', '/a', {}),
    new: one('post', '/b', {}),
    expect: [],
  },
  {
    rule: 'operation-added',
    title: 'an operation appears',
    old: doc({ '/a': { get: { responses: ok } } }),
    new: doc({ '/a': { get: { responses: ok } }, '/b': { post: { responses: ok } } }),
    expect: [['non-breaking', '']],
    says: 'POST /b added',
  },
  {
    rule: 'operation-moved',
    title: 'same operationId, other path and method',
    old: one('get', '/a', {}),
    new: one('post', '/b', {}),
    expect: [['breaking', '']],
    says: 'GET /a -> POST /b',
  },
  {
    rule: 'operation-moved',
    title: 'other operationId is not a move',
    old: one('get', '/a', { operationId: 'x' }),
    new: one('get', '/b', { operationId: 'y' }),
    expect: [],
  },
  {
    rule: 'operation-deprecated',
    title: 'newly deprecated',
    old: one('get', '/a', {}),
    new: one('get', '/a', { deprecated: true }),
    expect: [['warning', '/deprecated']],
  },
  {
    rule: 'operation-deprecated',
    title: 'already deprecated',
    old: one('get', '/a', { deprecated: true }),
    new: one('get', '/a', { deprecated: true }),
    expect: [],
  },
];
