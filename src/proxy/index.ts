/** The validation proxy: pass-through HTTP and WebSocket, every exchange and frame judged against the contract. */
export { startProxy, authorityOf } from './server.js';
export type { ProxyOptions, RunningProxy } from './server.js';
export { forwardHeaders, headerRecord, isLoopbackHost, HOP_BY_HOP } from './headers.js';
export { ProxyMonitor, ENDING_CHECKS } from './monitor.js';
export type { FailureRecord, SampleRecord, OperationStats } from './monitor.js';
export { classifyClientMessage, QgptTap } from './qgptTap.js';
export { ProgressTap } from './progressTap.js';
export { writeProxyReports, proxyResults, trafficSection } from './report.js';
export type { ProxyReportFiles, ProxyReportMeta } from './report.js';
