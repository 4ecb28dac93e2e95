export * from './slack-api-stand-in';
export * from './slack-requests';
export * from './response-url-stand-in';
export * from './socket-mode-stand-in';
export * from './knowledge-fixture';
export * from './slack-app-harness';
export * from './spawn-main';
