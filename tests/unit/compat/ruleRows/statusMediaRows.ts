/** Compat rule cases: response statuses and media types. */
import { accepts, one, str } from '../fixtures.js';
import { ok, type RuleRow } from './ruleRow.js';

export const STATUS_MEDIA_ROWS: RuleRow[] = [
  // Statuses and media types.
  {
    rule: 'status-removed',
    title: '410 no longer declared',
    old: one('get', '/a', { responses: { ...ok, '410': { description: 'Gone' } } }),
    new: one('get', '/a', {}),
    expect: [['breaking', '/responses/410']],
  },
  {
    rule: 'status-added',
    title: '500 newly declared',
    old: one('get', '/a', {}),
    new: one('get', '/a', { responses: { ...ok, '500': { description: 'x' } } }),
    expect: [['warning', '/responses/500']],
  },
  {
    rule: 'media-type-removed',
    title: 'text/plain answer becomes JSON',
    old: one('get', '/a', {
      responses: { '200': { description: 'OK', content: { 'text/plain': { schema: str() } } } },
    }),
    new: one('get', '/a', {
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: str() } } } },
    }),
    expect: [['breaking', '/responses/200/content/text~1plain']],
    says: 'changed: text/plain -> application/json',
  },
  {
    rule: 'media-type-removed',
    title: 'request media type dropped',
    old: accepts(str()),
    new: one('post', '/things', {}),
    expect: [['breaking', '/requestBody/content/application~1json']],
    says: 'no content declared',
  },
  {
    rule: 'media-type-added',
    title: 'content declared where there was none',
    old: one('get', '/a', {}),
    new: one('get', '/a', {
      responses: { '200': { description: 'OK', content: { 'text/plain': { schema: str() } } } },
    }),
    expect: [['non-breaking', '/responses/200/content/text~1plain']],
  },
  {
    rule: 'media-type-added',
    title: 'a changed media type is not an addition',
    old: one('get', '/a', { responses: { '200': { description: 'OK', content: { 'text/plain': {} } } } }),
    new: one('get', '/a', { responses: { '200': { description: 'OK', content: { 'application/json': {} } } } }),
    expect: [],
  },
];
