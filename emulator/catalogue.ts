/**
 * The model catalogue: local models (downloaded and loaded on the device) and cloud models, with
 * the fields real Pieces OS fills in. Ids are fixed so that they stay the same across restarts and
 * machines; only the download/load state is stored.
 */
import { byteDescriptor, SCHEMA, stamp } from './shapes/common.js';

/** A catalogue entry: the Model without its state flags. */
export interface CatalogueModel {
  id: string;
  name: string;
  cloud: boolean;
  /** Whether a fresh data directory starts with this local model already downloaded. */
  preinstalled?: boolean;
  model: Record<string, unknown>;
}

const GB = 1_000_000_000;
const CAPS_LOCAL = {
  assets: true,
  codebases: true,
  documents: true,
  images: false,
  temporal: true,
  videos: false,
  websites: true,
};
const CAPS_CLOUD = { ...CAPS_LOCAL, images: true };

type LocalSpec = [
  id: string,
  name: string,
  foundation: string,
  provider: string | undefined,
  unique: string,
  params: number,
  bytes: number,
  ram: number,
  cpu: boolean,
  type: string,
  context: number,
  preinstalled?: boolean,
];
type CloudSpec = [
  id: string,
  name: string,
  foundation: string,
  provider: string,
  unique: string,
  type: string,
  total: number,
  output: number,
];

const LOCAL: LocalSpec[] = [
  [
    '8b6f1f7e-fe62-4c20-9a2a-85bec36b7480',
    'Phi-3 Mini 4K Instruct (CPU)',
    'PHI_3_MINI',
    'MICROSOFT',
    'Phi-3-mini-4k-instruct-q4',
    3.8,
    2.39 * GB,
    3.6 * GB,
    true,
    'SPEED',
    4096,
    true,
  ],
  [
    '2bf90807-c916-4196-9aa8-9a3d90f35ef1',
    'Llama-3 8B Instruct (GPU)',
    'LLAMA_3_8B',
    'META',
    'Meta-Llama-3-8B-Instruct.Q4_K_M',
    8,
    4.92 * GB,
    6.1 * GB,
    false,
    'BALANCED',
    8192,
  ],
  [
    '2d4b3473-ca1c-46ff-bd5c-82e15329a8d4',
    'Llama-3 8B Instruct (CPU)',
    'LLAMA_3_8B',
    'META',
    'Meta-Llama-3-8B-Instruct.Q4_K_M-cpu',
    8,
    4.92 * GB,
    8.2 * GB,
    true,
    'BALANCED',
    8192,
  ],
  [
    'bcd97a20-ba0c-4219-8029-8b9608773fcd',
    'Mistral 7B Instruct v0.2 (GPU)',
    'MISTRAL_7B',
    undefined,
    'mistral-7b-instruct-v0.2.Q4_K_M',
    7.24,
    4.37 * GB,
    5.9 * GB,
    false,
    'BALANCED',
    32768,
  ],
  [
    'f068adc7-0133-4ce5-b39a-6d6205dc0840',
    'Gemma 1.1 7B Instruct (GPU)',
    'GEMMA_1.1_7B',
    'GOOGLE',
    'gemma-1.1-7b-it.Q4_K_M',
    8.54,
    5.33 * GB,
    7.0 * GB,
    false,
    'ACCURACY',
    8192,
  ],
  [
    '286833e3-104d-4ae1-bd3b-47ee8f80e508',
    'Granite 8B Code Instruct (CPU)',
    'GRANITE_8B',
    'IBM',
    'granite-8b-code-instruct.Q4_K_M',
    8.05,
    4.88 * GB,
    8.0 * GB,
    true,
    'ACCURACY',
    4096,
  ],
];

const CLOUD: CloudSpec[] = [
  ['c15fe6df-f326-4b7f-ad82-418bcc5727fc', 'GPT-4o', 'GPT_LATEST', 'OPENAI', 'gpt-4o', 'ACCURACY', 128000, 4096],
  [
    '9e3a0b22-4718-4616-94f4-0c0e2a5c1623',
    'GPT-4o Mini',
    'GPT_LATEST',
    'OPENAI',
    'gpt-4o-mini',
    'SPEED',
    128000,
    16384,
  ],
  ['1737d866-9aa0-4a08-80b0-6dd8ede2494b', 'GPT-3.5 Turbo', 'GPT_3.5', 'OPENAI', 'gpt-3.5-turbo', 'SPEED', 16385, 4096],
  [
    'f3a9e82c-e763-4709-8f0d-42451cc66d32',
    'Claude 3.5 Sonnet',
    'CLAUDE_3.5',
    'ANTHROPIC',
    'claude-3-5-sonnet-20240620',
    'ACCURACY',
    200000,
    8192,
  ],
  [
    '4ecefbba-b442-4d78-bd0c-f3996fcbb747',
    'Gemini 1.5 Pro',
    'GEMINI_1.5',
    'GOOGLE',
    'gemini-1.5-pro',
    'BALANCED',
    2097152,
    8192,
  ],
  [
    '69a348f1-c3c2-47cf-a22e-28a72cf40545',
    'Gemini 1.5 Flash',
    'GEMINI_1.5',
    'GOOGLE',
    'gemini-1.5-flash',
    'SPEED',
    1048576,
    8192,
  ],
];

function local([
  id,
  name,
  foundation,
  provider,
  unique,
  params,
  bytes,
  ram,
  cpu,
  type,
  context,
  preinstalled,
]: LocalSpec): CatalogueModel {
  return {
    id,
    name,
    cloud: false,
    preinstalled,
    model: {
      schema: SCHEMA,
      id,
      version: '1.0.0',
      created: stamp('2024-05-14T17:00:00.000Z'),
      name,
      description: `${name}: runs on this device${cpu ? ' on the CPU' : ' on the GPU'}; nothing leaves the machine.`,
      cloud: false,
      type,
      usage: 'CODE_CONVERSATION',
      bytes: byteDescriptor(Math.round(bytes)),
      ram: byteDescriptor(Math.round(ram)),
      quantization: 'q4_K_M',
      foundation,
      unique,
      parameters: params,
      ...(provider ? { provider } : {}),
      cpu,
      maxTokens: { total: context, input: context - 1024, output: 1024 },
      custom: false,
      capabilities: CAPS_LOCAL,
    },
  };
}

function cloud([id, name, foundation, provider, unique, type, total, output]: CloudSpec): CatalogueModel {
  return {
    id,
    name,
    cloud: true,
    model: {
      schema: SCHEMA,
      id,
      version: '1.0.0',
      created: stamp('2024-06-20T17:00:00.000Z'),
      name,
      description: `${name} by ${provider.charAt(0)}${provider.slice(1).toLowerCase()}, answered in the cloud.`,
      cloud: true,
      type,
      usage: 'CODE_CONVERSATION',
      foundation,
      unique,
      parameters: null,
      provider,
      cpu: false,
      maxTokens: { total, input: total - output, output },
      custom: false,
      capabilities: CAPS_CLOUD,
    },
  };
}

/** Every model of the catalogue, local ones first. */
export const CATALOGUE: readonly CatalogueModel[] = Object.freeze([...LOCAL.map(local), ...CLOUD.map(cloud)]);
