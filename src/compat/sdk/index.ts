/** The SDK row of the compatibility report: the official TypeScript SDK driven against a target. */
export { loadSdk, SDK_PACKAGE, type LoadedSdk, type SdkModule } from './load.js';
export {
  contentOf,
  describeSdkError,
  runSdkSmoke,
  smokeContent,
  type ContentCheck,
  type SdkCall,
  type SdkHttp,
  type SdkOutcome,
  type SdkSmokeOptions,
  type SdkSmokeResult,
} from './smoke.js';
export { applySdk, sdkCell, sdkRow, sdkRowId, sdkTally } from './row.js';
export { startEmulatorProcess, type EmulatorProcess } from './emulator.js';
