// The starter warden.yaml `warden init` writes. It parses as it is (tested) and works with a local
// OpenAI-compatible model server such as Ollama or vLLM on this machine.

export const STARTER_CONFIG = `# Warden configuration. Reference: README.md ("Configuration"). Relative paths start here.

# Data directory: database, secret store, skill copies, workspaces. WARDEN_HOME overrides it.
home: ./data

# The policy file: who may use which skills and tools, what needs approval (docs/policy.md).
policy: ./policy.yaml

# The model: any OpenAI-compatible chat-completions endpoint (Qwen/DashScope, DeepSeek, vLLM, Ollama…).
model:
  baseUrl: http://127.0.0.1:11434/v1     # Ollama's default; e.g. https://dashscope.aliyuncs.com/compatible-mode/v1
  model: qwen2.5:7b
  # The API key is a Warden secret, never written here: warden secrets set MODEL_API_KEY --host <api host>
  # apiKeySecret: MODEL_API_KEY
  timeoutMs: 120000
  maxRetries: 3

runtime:
  maxSteps: 24                 # model calls per turn
  maxToolResultChars: 16000    # a longer tool result is cut with a marker
  contextChars: 120000         # conversation history budget
  approvalWaitSec: 86400       # a turn waits at most this long for an approval

# Scanner settings for \`warden scan\` and \`warden skills add\`.
scan:
  failOn: malicious

# Limits of every sandboxed command.
sandbox:
  limits:
    wallTimeSec: 120
    memoryMb: 1024

# DingTalk (for \`warden serve\`): see README "Connect to DingTalk".
# dingtalk:
#   clientId: dingxxxxxxxxxxxxxxxx
#   clientSecretSecret: DINGTALK_CLIENT_SECRET   # warden secrets set DINGTALK_CLIENT_SECRET --host api.dingtalk.com
#   robotCode: dingxxxxxxxxxxxxxxxx
#   corpId: dingxxxxxxxxxxxxxxxx
#   cardTemplateId: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.schema
`;
