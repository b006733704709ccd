/** Compat rule cases: parameters. */
import { one, params, str } from '../fixtures.js';
import { q, type RuleRow } from './ruleRow.js';

export const PARAMETER_ROWS: RuleRow[] = [
  // Parameters.
  {
    rule: 'parameter-added-required',
    title: 'new required query parameter',
    old: params(),
    new: params(q('x', { required: true })),
    expect: [['breaking', '/parameters/query/x']],
  },
  {
    rule: 'parameter-added-required',
    title: 'new optional parameter is not required',
    old: params(),
    new: params(q('x')),
    expect: [],
  },
  {
    rule: 'parameter-added',
    title: 'new optional query parameter',
    old: params(),
    new: params(q('x')),
    expect: [['non-breaking', '/parameters/query/x']],
  },
  {
    rule: 'parameter-removed',
    title: 'query parameter dropped',
    old: params(q('x')),
    new: params(),
    expect: [['breaking', '/parameters/query/x']],
  },
  {
    rule: 'parameter-newly-required',
    title: 'optional becomes required',
    old: params(q('x')),
    new: params(q('x', { required: true })),
    expect: [['breaking', '/parameters/query/x/required']],
  },
  {
    rule: 'parameter-type-changed',
    title: 'boolean becomes string',
    old: params(q('x')),
    new: params(q('x', { schema: str() })),
    expect: [['breaking', '/parameters/query/x/schema/type']],
    says: 'boolean -> string',
  },
  {
    rule: 'parameter-type-changed',
    title: 'format change is a warning',
    old: params(q('x', { schema: { type: 'integer', format: 'int32' } })),
    new: params(q('x', { schema: { type: 'integer', format: 'int64' } })),
    expect: [['warning', '/parameters/query/x/schema/format']],
  },
  {
    rule: 'parameter-type-changed',
    title: 'renamed path parameter keeps its type',
    old: one('get', '/a/{id}', { parameters: [{ name: 'id', in: 'path', required: true, schema: str() }] }),
    new: one('get', '/a/{asset}', { parameters: [{ name: 'asset', in: 'path', required: true, schema: str() }] }),
    expect: [],
  },
];
