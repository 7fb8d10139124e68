// The scripted OpenAI-compatible model server (issue 6, acceptance 1).
export { startModelServer, type ModelServer, type ModelServerOptions } from './server.ts';
export { echoScript, type EchoOptions } from './echo.ts';
export type { ChatRequest, Script, ScriptError, ScriptToolCall, Step, AnswerShaping } from './types.ts';
