import { matchOperations } from '../match.js';
import { defineRule, makeChange } from '../rule.js';
import { isObj } from '../view.js';

/** The request body became required (or a required body appeared): clients that send none are rejected. */
export const requestBodyNewlyRequired = defineRule(
  'request-body-newly-required',
  'The request body became required: clients that send no body are rejected.',
  (o, n) =>
    matchOperations(o, n).pairs.flatMap((p) => {
      const ob = o.resolve(p.old.op.requestBody);
      const nb = n.resolve(p.new.op.requestBody);
      if (!isObj(nb) || nb.required !== true || (isObj(ob) && ob.required === true)) return [];
      const why = isObj(ob) ? 'request body is now required' : 'a required request body was added';
      return [makeChange('request-body-newly-required', p.old, '/requestBody/required', 'breaking', why)];
    }),
);
