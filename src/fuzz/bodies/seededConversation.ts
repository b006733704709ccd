/** Valid `SeededConversation` bodies for `POST /conversations/create`. */
import fc, { type Arbitrary } from 'fast-check';
import { schemaArbitrary } from '../schemaArbitrary.js';
import { proseText } from '../domain/code.js';
import { unicodeText } from '../domain/unicode.js';
import { componentSchema, enumValues, withRequired } from './contractSchemas.js';
import { assetName, validApplication } from './realistic.js';
import { componentBody, type BodyOptions } from './componentBody.js';

/** An arbitrary of valid SeededConversation bodies (`POST /conversations/create`). */
export function validSeededConversation(options: BodyOptions): Arbitrary<Record<string, any>> {
  const { spec } = options;
  const types = enumValues(spec, 'ConversationTypeEnum');
  const text = fc.oneof(proseText(), unicodeText({ maxPieces: 4 }));
  const string = schemaArbitrary(withRequired(componentSchema(spec, 'TransferableString'), ['raw']), {
    direction: 'request',
    maxDepth: 1,
    overrides: { raw: text },
    omit: ['base64', 'base64_url', 'data_url'],
  });
  const fragment = schemaArbitrary(withRequired(componentSchema(spec, 'FragmentFormat'), ['string']), {
    direction: 'request',
    maxDepth: 1,
    overrides: { string },
    omit: ['bytes'],
  });
  return componentBody(options, 'SeededConversation', {
    overrides: {
      ...(types.includes('COPILOT') ? { type: fc.constant('COPILOT') } : {}),
      name: assetName(),
      application: validApplication({ spec }),
      'messages[].fragment': fragment,
    },
    // A model is referenced by id: only real ids make sense (pass one through overrides).
    omit: ['model'],
  });
}
