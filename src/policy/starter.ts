// The starter policy `warden init` writes beside warden.yaml. It parses as it is (tested) and keeps
// everyone but named people to harmless tools.

export const STARTER_POLICY = `# Warden policy: who may use which skills and tools, what needs approval, and quotas.
# Reference: docs/policy.md. Deny unless a rule allows; the most specific matching rule decides,
# and a deny wins a tie.
version: 1

# Your DingTalk organisation's corpId: people from any other organisation get externalRole.
# corpId: dingxxxxxxxxxxxxxxxx

# Role of people no entry below names, and of people from other organisations.
defaultRole: guest
externalRole: external

# Named people, by DingTalk userId (staffId) or unionId.
principals:
  it-admin:
    userId: "manager0001"
    roles: [admin]

# Groups by department (sub-departments included), userIds or unionIds.
groups:
  everyone-in-sales:
    departments: ["1001"]
    roles: [employee]

roles:
  guest:
    description: Anyone in the organisation not named above; may chat and read its workspace.
    tools: [read, list]
    quotas: { turnsPerDay: 20, tokensPerDay: 50000 }

  external:
    description: People from other organisations; chat only.
    quotas: { turnsPerDay: 10, tokensPerDay: 20000 }

  employee:
    skills: ["*"]                       # any skill the registry has approved
    tools: [read, list, write, edit, exec, web_fetch]
    deny:
      - tool: exec
        args: { command: "/\\\\brm\\\\s+-[a-z]*r/" }
        reason: recursive deletes are not allowed
    approvals:
      - tool: web_fetch
        approvers: { manager: true }
        reason: fetching web pages needs your manager's approval
    quotas: { turnsPerDay: 200, tokensPerDay: 400000 }

  admin:
    skills: ["*"]
    tools: ["*"]
    egress: ["*.example.com"]
    approvals:
      - tool: exec
        skill: "*"
        args: { command: "*--send*" }
        approvers: { role: admin }
`;
